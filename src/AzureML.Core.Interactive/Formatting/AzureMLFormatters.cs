using AzureML.Core.Compute;
using AzureML.Core.Data;
using AzureML.Core.Webservices;
using AzureML.Widgets;
using Microsoft.DotNet.Interactive.Formatting;

namespace AzureML.Core.Interactive.Formatting;

/// <summary>
/// Registers the notebook views of the SDK's types with .NET Interactive's formatter: HTML for the rich view and
/// <c>ToString</c> for text outputs. The kernel extension calls it on load; <see cref="AzureML.Widgets.RunDetails"/> calls it too, so
/// the widget works however the assembly was referenced.
/// </summary>
public static class AzureMLFormatters
{
    private static readonly object s_lock = new();
    private static bool s_registered;

    /// <summary>Registers every formatter once; later calls do nothing.</summary>
    public static void Register()
    {
        lock (s_lock)
        {
            if (s_registered) return;
            Both<Workspace>(WorkspaceHtml.Render);
            Both<Environment>(WorkspaceHtml.Render);
            Both<RunDetails>(WorkspaceHtml.Render);
            Both<Run>(run => RunHtml.Render(RunSnapshot.ReadAsync(run, null, CancellationToken.None).GetAwaiter().GetResult()));
            Both<AzureML.Widgets.RunDetails>(details => details.ToHtml());
            Both<Experiment>(ExperimentHtml.Render);
            Both<DataFrame>(DataFrameHtml.Render);
            Both<Model>(ModelHtml.Render);
            Both<Webservice>(WebserviceHtml.Render);
            Both<AmlCompute>(ComputeHtml.Render);
            Both<AmlComputeStatus>(ComputeHtml.Render);
            Both<Leaderboard>(LeaderboardHtml.Render);
            s_registered = true;
        }
    }

    // A view that cannot be read (a deleted run, an unreachable workspace) says why instead of failing the cell.
    private static void Both<T>(Func<T, string> html) where T : class
    {
        Formatter.Register<T>(value =>
        {
            try
            {
                return html(value);
            }
            catch (Exception e) when (e is AzureMLException or IOException or InvalidOperationException)
            {
                return Html.View("error", $"<div>{Html.Encode(value.ToString())}</div><div class=\"azureml-muted\">{Html.Encode(e.GetType().Name + ": " + e.Message)}</div>");
            }
        }, HtmlFormatter.MimeType);
        Formatter.Register<T>(value => value.ToString() ?? "", PlainTextFormatter.MimeType);
        Formatter.SetPreferredMimeTypesFor(typeof(T), HtmlFormatter.MimeType, PlainTextFormatter.MimeType);
    }
}
