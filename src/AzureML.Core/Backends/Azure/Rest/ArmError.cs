namespace AzureML.Core.Backends.Azure.Rest;

/// <summary>Resource Manager's error detail: <c>{"code","message","target","details"}</c>.</summary>
internal sealed class ArmError
{
    public string? Code { get; set; }
    public string? Message { get; set; }
    public string? Target { get; set; }
    public List<ArmError>? Details { get; set; }
}
