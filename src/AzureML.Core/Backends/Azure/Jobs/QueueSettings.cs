namespace AzureML.Core.Backends.Azure.Jobs;

/// <summary><c>QueueSettings</c>: the job tier.</summary>
internal sealed class QueueSettings
{
    public string? JobTier { get; set; }
}
