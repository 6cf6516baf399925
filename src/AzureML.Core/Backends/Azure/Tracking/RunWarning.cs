namespace AzureML.Core.Backends.Azure.Tracking;

/// <summary>A warning in <see cref="RunHistoryDetails"/>.</summary>
internal sealed class RunWarning
{
    public string? Source { get; set; }
    public string? Message { get; set; }
}
