using System.Globalization;
using System.Text;
using AzureML.Core.Data;

namespace AzureML.Core.Interactive.Formatting;

/// <summary>
/// A table as HTML, page by page: the table's own HTML rendering for each page of <see cref="PageSize"/> rows, a few
/// lines of script to turn pages, and, without scripts, the first page with the shape below it.
/// </summary>
internal static class DataFrameHtml
{
    public const int PageSize = 20;
    public const int MaxPages = 25;

    public static string Render(DataFrame frame)
    {
        if (frame.RowCount <= PageSize) return Html.View("dataframe", frame.ToHtml());
        int shownRows = Math.Min(frame.RowCount, PageSize * MaxPages);
        int pages = (shownRows + PageSize - 1) / PageSize;
        string id = "azureml-df-" + Guid.NewGuid().ToString("N");
        var html = new StringBuilder($"<div id=\"{id}\">");
        for (int page = 0; page < pages; page++)
        {
            int start = page * PageSize;
            html.Append(CultureInfo.InvariantCulture, $"<div class=\"azureml-page\" data-page=\"{page}\"{(page == 0 ? "" : " hidden")}>")
                .Append(frame.ToHtml(start, Math.Min(PageSize, shownRows - start))).Append("</div>");
        }

        string shape = string.Create(CultureInfo.InvariantCulture, $"{frame.RowCount} rows x {frame.ColumnCount} columns");
        string limit = shownRows < frame.RowCount
            ? string.Create(CultureInfo.InvariantCulture, $"; pages cover the first {shownRows} rows (use Skip and Head for the rest)")
            : "";
        html.Append("<div class=\"azureml-pages\"><button type=\"button\" data-step=\"-1\">&lsaquo; previous</button>")
            .Append("<button type=\"button\" data-step=\"1\">next &rsaquo;</button>")
            .Append(CultureInfo.InvariantCulture, $"<span class=\"azureml-page-label\">page 1 of {pages}</span> <span class=\"azureml-muted\">{Html.Encode(shape + limit)}</span></div>")
            .Append(PagingScript(id))
            .Append("</div>");
        return Html.View("dataframe", html.ToString());
    }

    // Inline and self-contained: nothing is fetched, and without scripts the first page still shows.
    private static string PagingScript(string id) => $$"""
        <script>
        (function () {
          var root = document.getElementById("{{id}}");
          if (!root) return;
          var pages = root.querySelectorAll(".azureml-page"), label = root.querySelector(".azureml-page-label"), current = 0;
          root.querySelectorAll("button[data-step]").forEach(function (button) {
            button.addEventListener("click", function () {
              var next = current + Number(button.getAttribute("data-step"));
              if (next < 0 || next >= pages.length) return;
              pages[current].hidden = true; pages[next].hidden = false; current = next;
              label.textContent = "page " + (current + 1) + " of " + pages.length;
            });
          });
        })();
        </script>
        """;
}
