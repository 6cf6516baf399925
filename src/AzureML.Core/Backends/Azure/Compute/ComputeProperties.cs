using AzureML.Core.Backends.Azure.Rest;

namespace AzureML.Core.Backends.Azure.Compute;

/// <summary><c>ComputeResource.properties</c>: the <c>Compute</c> base plus the AmlCompute fields under <c>properties</c>.</summary>
internal sealed class ComputeProperties
{
    public string? ComputeType { get; set; }
    public string? ComputeLocation { get; set; }
    public string? Description { get; set; }
    public string? ProvisioningState { get; set; }
    public List<ArmErrorResponse>? ProvisioningErrors { get; set; }
    public DateTimeOffset? CreatedOn { get; set; }
    public DateTimeOffset? ModifiedOn { get; set; }
    public bool? IsAttachedCompute { get; set; }
    public bool? DisableLocalAuth { get; set; }
    public string? ResourceId { get; set; }
    public AmlComputeProperties? Properties { get; set; }
}
