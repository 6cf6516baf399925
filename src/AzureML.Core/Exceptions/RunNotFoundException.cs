namespace AzureML.Core;

/// <summary>Raised when a run id is not known to the workspace.</summary>
public class RunNotFoundException : AzureMLException
{
    /// <summary>Creates the exception for a run id.</summary>
    /// <param name="runId">The id that was looked up.</param>
    public RunNotFoundException(string runId)
        : base($"Run '{runId}' was not found in this workspace. Check the id (Run.Id) and the workspace it was submitted to.")
    {
        RunId = runId;
        ErrorCode = AzureMLErrorCode.ResourceNotFound;
    }

    /// <summary>The id that was looked up.</summary>
    public string RunId { get; }
}
