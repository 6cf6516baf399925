namespace AzureML.Core.Backends.Azure.Rest;

/// <summary>Who created and last changed a resource, and when.</summary>
internal sealed class ArmSystemData
{
    public string? CreatedBy { get; set; }
    public string? CreatedByType { get; set; }
    public DateTimeOffset? CreatedAt { get; set; }
    public string? LastModifiedBy { get; set; }
    public string? LastModifiedByType { get; set; }
    public DateTimeOffset? LastModifiedAt { get; set; }
}
