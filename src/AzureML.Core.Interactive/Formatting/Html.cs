using System.Net;
using System.Text;

namespace AzureML.Core.Interactive.Formatting;

/// <summary>Small pieces every view is made of: escaped text, key/value lists, tables, status badges, times.</summary>
internal static class Html
{
    /// <summary>Text with every markup character escaped.</summary>
    public static string Encode(string? text) => WebUtility.HtmlEncode(text ?? "");

    /// <summary>A view: the shared style sheet, then <paramref name="body"/> inside a <c>div</c> of class <c>azureml-view</c>.</summary>
    public static string View(string kind, string body)
        => $"<div class=\"azureml-view\" data-kind=\"{Encode(kind)}\">{Styles.Sheet}{body}</div>";

    /// <summary>A heading line: a title, then small grey details.</summary>
    public static string Heading(string title, string? details = null)
        => $"<div class=\"azureml-title\">{Encode(title)}{(details is null ? "" : $" <span class=\"azureml-muted\">{Encode(details)}</span>")}</div>";

    /// <summary>A coloured badge for a run or service state.</summary>
    public static string Badge(string state)
    {
        string tone = state switch
        {
            "Completed" or "Healthy" or "Succeeded" => "good",
            "Failed" or "Unhealthy" or "Canceled" or "CancelRequested" or "NotResponding" => "bad",
            _ => "busy",
        };
        return $"<span class=\"azureml-badge azureml-{tone}\" data-state=\"{Encode(state)}\">{Encode(state)}</span>";
    }

    /// <summary>Two columns of labels and values; values are already HTML.</summary>
    public static string Properties(IEnumerable<(string Label, string ValueHtml)> rows)
    {
        var html = new StringBuilder("<table class=\"azureml-properties\"><tbody>");
        foreach ((string label, string value) in rows)
            html.Append("<tr><th>").Append(Encode(label)).Append("</th><td>").Append(value).Append("</td></tr>");
        return html.Append("</tbody></table>").ToString();
    }

    /// <summary>A table with a header row; cells are already HTML.</summary>
    public static string Table(string cssClass, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows, Func<int, string?>? rowClass = null)
    {
        var html = new StringBuilder($"<table class=\"azureml-table {Encode(cssClass)}\"><thead><tr>");
        foreach (string header in headers) html.Append("<th>").Append(Encode(header)).Append("</th>");
        html.Append("</tr></thead><tbody>");
        int index = 0;
        foreach (IReadOnlyList<string> row in rows)
        {
            string? css = rowClass?.Invoke(index++);
            html.Append(css is null ? "<tr>" : $"<tr class=\"{Encode(css)}\">");
            foreach (string cell in row) html.Append("<td>").Append(cell).Append("</td>");
            html.Append("</tr>");
        }

        return html.Append("</tbody></table>").ToString();
    }

    /// <summary>A section with a small heading.</summary>
    public static string Section(string title, string body) => $"<div class=\"azureml-section\"><div class=\"azureml-subtitle\">{Encode(title)}</div>{body}</div>";

    /// <summary>A key/value map as <c>key: value</c> lines, or <c>none</c> when empty.</summary>
    public static string Pairs(IReadOnlyDictionary<string, string> pairs)
        => pairs.Count == 0 ? "<span class=\"azureml-muted\">none</span>"
            : string.Join("<br>", pairs.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"<code>{Encode(p.Key)}</code>: {Encode(p.Value)}"));

    /// <summary>A code span.</summary>
    public static string Code(string? text) => $"<code>{Encode(text)}</code>";

    /// <summary>A point in time as <c>2026-12-01 13:00:05Z</c>, or a dash.</summary>
    public static string Time(DateTimeOffset? time) => time is { } t ? Encode(TextFormat.Time(t)) : "&ndash;";
}
