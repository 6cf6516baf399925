namespace AzureML.Core.Backends.Azure.Workspaces;

/// <summary>The answer of <c>POST {ws}/listKeys</c> (<c>ListWorkspaceKeysResult</c>); holds secrets, never logged.</summary>
internal sealed class WorkspaceKeys
{
    public string? UserStorageKey { get; set; }
    public string? UserStorageArmId { get; set; }
    public string? AppInsightsInstrumentationKey { get; set; }
}
