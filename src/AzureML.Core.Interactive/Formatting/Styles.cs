namespace AzureML.Core.Interactive.Formatting;

/// <summary>
/// The one style sheet of every view, scoped to <c>.azureml-view</c> so it never restyles the rest of the notebook.
/// Colours inherit from the front end (light or dark) except the status badges.
/// </summary>
internal static class Styles
{
    public const string Sheet = """
        <style>
        .azureml-view { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; font-size: 13px; line-height: 1.4; color: inherit; }
        .azureml-view .azureml-title { font-size: 15px; font-weight: 600; margin: 4px 0; }
        .azureml-view .azureml-subtitle { font-weight: 600; margin: 10px 0 4px; }
        .azureml-view .azureml-muted { opacity: 0.65; font-weight: normal; }
        .azureml-view table { border-collapse: collapse; margin: 2px 0; }
        .azureml-view th, .azureml-view td { padding: 2px 10px 2px 0; text-align: left; vertical-align: top; border: none; }
        .azureml-view .azureml-table th { border-bottom: 1px solid rgba(128,128,128,0.5); }
        .azureml-view .azureml-table tr.azureml-best td { font-weight: 600; }
        .azureml-view .azureml-properties th { font-weight: normal; opacity: 0.75; }
        .azureml-view .azureml-badge { display: inline-block; padding: 0 8px; border-radius: 9px; color: white; font-size: 12px; }
        .azureml-view .azureml-good { background: #2e7d32; }
        .azureml-view .azureml-bad { background: #c62828; }
        .azureml-view .azureml-busy { background: #1565c0; }
        .azureml-view .azureml-charts { display: flex; flex-wrap: wrap; gap: 12px; }
        .azureml-view .azureml-chart svg { background: white; border-radius: 4px; }
        .azureml-view pre.azureml-log { max-height: 260px; overflow: auto; padding: 6px; margin: 0; background: rgba(128,128,128,0.12); font-size: 12px; white-space: pre-wrap; }
        .azureml-view .azureml-table code { white-space: nowrap; }
        .azureml-view .azureml-matrix td { text-align: right; padding: 2px 8px; }
        .azureml-view .azureml-pages button { margin-right: 4px; }
        </style>
        """;
}
