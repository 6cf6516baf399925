namespace AzureML.Core.Backends.Azure.Compute;

/// <summary>A reference to another resource by ARM id: <c>{"id"}</c>.</summary>
internal sealed class ResourceIdReference
{
    public string? Id { get; set; }
}
