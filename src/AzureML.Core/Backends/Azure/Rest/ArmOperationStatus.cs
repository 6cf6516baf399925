namespace AzureML.Core.Backends.Azure.Rest;

/// <summary>The body of an <c>Azure-AsyncOperation</c> status URL.</summary>
internal sealed class ArmOperationStatus
{
    public string? Id { get; set; }
    public string? Name { get; set; }

    /// <summary><c>InProgress</c>, <c>Succeeded</c>, <c>Failed</c> or <c>Canceled</c> (open set).</summary>
    public string? Status { get; set; }

    public DateTimeOffset? StartTime { get; set; }
    public DateTimeOffset? EndTime { get; set; }
    public double? PercentComplete { get; set; }
    public ArmError? Error { get; set; }
}
