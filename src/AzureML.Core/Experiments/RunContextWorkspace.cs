using System.Text.RegularExpressions;
using AzureML.Core.Authentication;
using AzureML.Core.Backends.Azure.Rest;

namespace AzureML.Core;

/// <summary>
/// The Azure workspace a job's process belongs to, from the variables the service sets: the MLflow tracking URI names
/// the subscription, resource group and workspace and the host to track to, so the run needs no discovery.
/// </summary>
internal static partial class RunContextWorkspace
{
    /// <summary>The variable with the workspace's MLflow tracking URI.</summary>
    public const string TrackingUriVariable = "MLFLOW_TRACKING_URI";

    /// <summary>The variable with the run's own token, and the one with its expiry (epoch seconds).</summary>
    public const string RunTokenVariable = "AZUREML_RUN_TOKEN";
    public const string RunTokenExpiryVariable = "AZUREML_RUN_TOKEN_EXPIRY";

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Workspace> s_workspaces = new(StringComparer.Ordinal);

    /// <summary>The workspace, or <c>null</c> when the variables do not describe an Azure ML job.</summary>
    public static Workspace? TryOpen(Func<string, string?> variables, AzureMLClientOptions? options)
    {
        if (variables(TrackingUriVariable) is not { Length: > 0 } tracking || !Uri.TryCreate(tracking, UriKind.Absolute, out Uri? uri)) return null;
        Match scope = ScopePattern().Match(uri.AbsolutePath);
        if (!scope.Success) return null;
        var workspaceScope = new WorkspaceScope(scope.Groups["sub"].Value, scope.Groups["rg"].Value, scope.Groups["ws"].Value);
        AbstractAuthentication auth = variables(RunTokenVariable) is { Length: > 0 } token
            ? new TokenCredentialAuthentication(new RunTokenCredential(token, Expiry(variables(RunTokenExpiryVariable))))
            : new DefaultAuthentication();
        return options is not null
            ? Open(workspaceScope, auth, options, uri)
            : s_workspaces.GetOrAdd(tracking, _ => Open(workspaceScope, auth, null, uri));
    }

    private static Workspace Open(WorkspaceScope scope, AbstractAuthentication auth, AzureMLClientOptions? options, Uri tracking)
    {
        Workspace workspace = Workspace.FromScope(scope, auth, options);
        workspace.AzureClient!.UseTrackingUri(tracking);
        return workspace;
    }

    private static DateTimeOffset Expiry(string? epochSeconds)
        => long.TryParse(epochSeconds, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out long seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : DateTimeOffset.UtcNow.AddHours(1);

    [GeneratedRegex("/subscriptions/(?<sub>[^/]+)/resourceGroups/(?<rg>[^/]+)/providers/Microsoft\\.MachineLearningServices/workspaces/(?<ws>[^/]+)", RegexOptions.IgnoreCase)]
    private static partial Regex ScopePattern();
}
