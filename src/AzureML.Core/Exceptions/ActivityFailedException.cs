namespace AzureML.Core;

/// <summary>
/// Raised by <see cref="Run.WaitForCompletion(bool, bool, bool)"/> when the run ends in <c>Failed</c> or
/// <c>Canceled</c> and <c>raiseOnError</c> is set. Carries the run's error details.
/// </summary>
public class ActivityFailedException : AzureMLException
{
    /// <summary>Creates the exception for a run that did not complete.</summary>
    /// <param name="message">A summary of the failure.</param>
    /// <param name="details">The run's details at the time it ended.</param>
    public ActivityFailedException(string message, RunDetails details) : base(message) => Details = details;

    /// <summary>The run's details, including <see cref="RunDetails.Error"/>.</summary>
    public RunDetails Details { get; }
}
