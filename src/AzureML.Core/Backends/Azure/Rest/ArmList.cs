namespace AzureML.Core.Backends.Azure.Rest;

/// <summary>One page of a Resource Manager list: <c>{"value": [...], "nextLink": "..."}</c>.</summary>
internal sealed class ArmList<T>
{
    public List<T>? Value { get; set; }
    public string? NextLink { get; set; }
}
