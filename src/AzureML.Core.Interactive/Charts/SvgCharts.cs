using System.Text.RegularExpressions;
using ScottPlot;

namespace AzureML.Core.Interactive.Charts;

/// <summary>
/// Draws charts with ScottPlot as inline SVG: no script and no download, so a chart shows in every notebook front end,
/// in saved notebooks and in exported HTML.
/// </summary>
internal static partial class SvgCharts
{
    /// <summary>The size of every chart, in CSS pixels.</summary>
    public const int Width = 420;

    /// <inheritdoc cref="Width"/>
    public const int Height = 260;

    /// <summary>A line chart of one logged series against its position (1, 2, …).</summary>
    public static string Series(string name, IReadOnlyList<double> values)
    {
        var plot = NewPlot(name);
        double[] xs = Enumerable.Range(1, values.Count).Select(i => (double)i).ToArray();
        var line = plot.Add.Scatter(xs, values.ToArray());
        line.MarkerSize = values.Count <= 50 ? 4 : 0;
        plot.XLabel("logged value");
        return ToSvg(plot, "series", name);
    }

    /// <summary>The primary metric of each finished iteration and the best score so far.</summary>
    public static string Iterations(string metric, IReadOnlyList<(int Iteration, double Score)> scores, bool higherIsBetter)
    {
        var plot = NewPlot($"{metric} by iteration");
        double[] xs = scores.Select(s => (double)s.Iteration).ToArray();
        double[] ys = scores.Select(s => s.Score).ToArray();
        var each = plot.Add.ScatterPoints(xs, ys);
        each.LegendText = "iteration";
        double best = higherIsBetter ? double.NegativeInfinity : double.PositiveInfinity;
        double[] bestSoFar = ys.Select(y => best = higherIsBetter ? Math.Max(best, y) : Math.Min(best, y)).ToArray();
        var line = plot.Add.ScatterLine(xs, bestSoFar);
        line.LegendText = "best so far";
        plot.XLabel("iteration");
        plot.Axes.Margins(horizontal: 0.05, vertical: 0.15);
        plot.ShowLegend(Alignment.LowerRight);
        return ToSvg(plot, "iterations", metric);
    }

    /// <summary>ROC curves, one per class, with the chance diagonal.</summary>
    public static string Roc(IReadOnlyList<RocCurve> curves)
    {
        var plot = NewPlot("ROC curve");
        var chance = plot.Add.Line(0, 0, 1, 1);
        chance.LinePattern = LinePattern.Dashed;
        chance.LineColor = Colors.Gray;
        foreach (RocCurve curve in curves)
        {
            var line = plot.Add.ScatterLine(curve.FalsePositiveRates, curve.TruePositiveRates);
            line.LegendText = curve.ClassLabel;
        }

        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic();
        plot.XLabel("false positive rate");
        plot.YLabel("true positive rate");
        plot.Axes.SetLimits(0, 1, 0, 1.02);
        if (curves.Count > 1 || curves.Any(c => c.ClassLabel.Length > 0)) plot.ShowLegend(Alignment.LowerRight);
        return ToSvg(plot, "roc", "ROC curve");
    }

    // ScottPlot's own sans-serif pick can land on a serif face; take the first of the usual sans faces installed.
    private static readonly Lazy<string> s_font = new(() =>
    {
        var installed = new HashSet<string>(SkiaSharp.SKFontManager.Default.FontFamilies, StringComparer.OrdinalIgnoreCase);
        return new[] { "Segoe UI", "Helvetica Neue", "Arial", "DejaVu Sans", "Liberation Sans", "Noto Sans" }.FirstOrDefault(installed.Contains) ?? Fonts.Default;
    });

    private static Plot NewPlot(string title)
    {
        var plot = new Plot();
        plot.Font.Set(s_font.Value);
        plot.Title(title, size: 14);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        return plot;
    }

    // ScottPlot writes a standalone document: inside HTML the XML prolog must go, and the ids of its clip paths (the
    // same in every chart) get a prefix of their own, or every chart on a page would clip to the first one's.
    private static string ToSvg(Plot plot, string kind, string title)
    {
        string prefix = "azureml-" + Guid.NewGuid().ToString("N")[..12] + "-";
        string svg = XmlProlog().Replace(plot.GetSvgXml(Width, Height), "");
        svg = SvgReference().Replace(svg, m => m.Groups["open"].Value + prefix + m.Groups["id"].Value);
        string label = System.Net.WebUtility.HtmlEncode(title);
        return $"<div class=\"azureml-chart\" data-chart=\"{kind}\" data-title=\"{label}\" role=\"img\" aria-label=\"{label}\">{svg}</div>";
    }

    [GeneratedRegex(@"^\s*<\?xml[^>]*\?>\s*")]
    private static partial Regex XmlProlog();

    [GeneratedRegex("(?<open>\\bid=\"|url\\(#|href=\"#)(?<id>[A-Za-z_][\\w.-]*)")]
    private static partial Regex SvgReference();
}
