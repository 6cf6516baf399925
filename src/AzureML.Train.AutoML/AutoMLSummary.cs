using System.Globalization;
using System.Text;

namespace AzureML.Train.AutoML;

/// <summary>Per algorithm: how many iterations tried it and its best score (azureml's <c>AutoMLRun.summary()</c>).</summary>
/// <param name="PrimaryMetric">The metric the scores are.</param>
/// <param name="Rows">One row per algorithm, best first.</param>
public sealed record AutoMLSummary(string PrimaryMetric, IReadOnlyList<AutoMLSummaryRow> Rows)
{
    /// <summary>The summary as a table.</summary>
    public override string ToString()
    {
        int width = Math.Max(20, Rows.Select(r => r.Algorithm.Length).DefaultIfEmpty(0).Max() + 2);
        var text = new StringBuilder();
        text.AppendLine("Pipeline".PadRight(width) + "Iterations".PadLeft(12) + ("Best " + PrimaryMetric).PadLeft(30));
        foreach (AutoMLSummaryRow row in Rows)
        {
            text.AppendLine(row.Algorithm.PadRight(width) + row.Iterations.ToString(CultureInfo.InvariantCulture).PadLeft(12)
                + (double.IsNaN(row.BestScore) ? "nan" : row.BestScore.ToString("0.0000", CultureInfo.InvariantCulture)).PadLeft(30));
        }

        return text.ToString().TrimEnd();
    }
}
