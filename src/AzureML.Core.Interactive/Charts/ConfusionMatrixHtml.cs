using System.Globalization;
using System.Text;
using AzureML.Core.Interactive.Formatting;

namespace AzureML.Core.Interactive.Charts;

/// <summary>A confusion matrix as a table whose cells are shaded by their share of the true class's row.</summary>
internal static class ConfusionMatrixHtml
{
    public static string Render(ConfusionMatrix matrix)
    {
        var html = new StringBuilder("<div class=\"azureml-chart\" data-chart=\"confusion-matrix\"><table class=\"azureml-matrix\"><thead><tr><th>true \\ predicted</th>");
        foreach (string label in matrix.PredictedLabels) html.Append("<th>").Append(Html.Encode(label)).Append("</th>");
        html.Append("</tr></thead><tbody>");
        for (int t = 0; t < matrix.TrueLabels.Count; t++)
        {
            double rowTotal = 0;
            for (int p = 0; p < matrix.PredictedLabels.Count; p++) rowTotal += matrix.Counts[t, p];
            html.Append("<tr><th>").Append(Html.Encode(matrix.TrueLabels[t])).Append("</th>");
            for (int p = 0; p < matrix.PredictedLabels.Count; p++)
            {
                double count = matrix.Counts[t, p];
                double share = rowTotal > 0 ? count / rowTotal : 0;
                string alpha = (0.08 + 0.72 * share).ToString("0.00", CultureInfo.InvariantCulture);
                html.Append(CultureInfo.InvariantCulture, $"<td style=\"background: rgba(21, 101, 192, {alpha})\" title=\"{share:P0} of {Html.Encode(matrix.TrueLabels[t])}\">")
                    .Append(count.ToString("0.###", CultureInfo.InvariantCulture)).Append("</td>");
            }

            html.Append("</tr>");
        }

        return html.Append("</tbody></table></div>").ToString();
    }
}
