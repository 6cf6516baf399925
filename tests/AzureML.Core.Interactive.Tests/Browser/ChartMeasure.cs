namespace AzureML.Core.Interactive.Tests.Browser;

/// <summary>What the browser drew for one chart: its kind, its SVG's size on the page and its drawn paths.</summary>
public sealed class ChartMeasure
{
    public string Kind { get; set; } = "";
    public string Title { get; set; } = "";
    public double Width { get; set; }
    public double Height { get; set; }
    public int Paths { get; set; }
    public double WidestPath { get; set; }
    public int Texts { get; set; }

    /// <summary>Measures every SVG chart of the page.</summary>
    public const string Script = """
        () => Array.from(document.querySelectorAll('[data-chart] svg')).map(svg => {
          const box = svg.getBoundingClientRect();
          const paths = Array.from(svg.querySelectorAll('path')).filter(p => (p.getAttribute('d') || '').length > 0);
          return {
            kind: svg.closest('[data-chart]').getAttribute('data-chart'),
            title: svg.closest('[data-chart]').getAttribute('data-title') || '',
            width: box.width, height: box.height, paths: paths.length,
            widestPath: paths.reduce((m, p) => Math.max(m, p.getBBox().width), 0),
            texts: svg.querySelectorAll('text').length,
          };
        })
        """;
}
