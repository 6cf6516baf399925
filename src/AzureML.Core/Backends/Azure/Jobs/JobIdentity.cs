namespace AzureML.Core.Backends.Azure.Jobs;

/// <summary><c>IdentityConfiguration</c>: <c>AMLToken</c>, <c>Managed</c> or <c>UserIdentity</c>.</summary>
internal sealed class JobIdentity
{
    public string? IdentityType { get; set; }
    public string? ClientId { get; set; }
    public string? ObjectId { get; set; }
    public string? ResourceId { get; set; }
}
