namespace AzureML.Core.Backends.Azure.Rest;

/// <summary>A resource SKU: <c>{"name","tier","capacity"}</c>.</summary>
internal sealed class ArmSku
{
    public string? Name { get; set; }
    public string? Tier { get; set; }
    public int? Capacity { get; set; }
}
