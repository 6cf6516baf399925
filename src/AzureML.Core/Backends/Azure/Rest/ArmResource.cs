namespace AzureML.Core.Backends.Azure.Rest;

/// <summary>
/// A Resource Manager resource (<c>TrackedResource</c>/<c>ProxyResource</c>): the common envelope and the
/// resource type's own <typeparamref name="TProperties"/>.
/// </summary>
internal sealed class ArmResource<TProperties> where TProperties : class
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public string? Type { get; set; }
    public string? Location { get; set; }
    public string? Kind { get; set; }
    public Dictionary<string, string?>? Tags { get; set; }
    public ArmIdentity? Identity { get; set; }
    public ArmSku? Sku { get; set; }
    public ArmSystemData? SystemData { get; set; }
    public TProperties? Properties { get; set; }
}
