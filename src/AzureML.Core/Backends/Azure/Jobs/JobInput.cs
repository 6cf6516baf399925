namespace AzureML.Core.Backends.Azure.Jobs;

/// <summary><c>JobInput</c>: a literal value or an asset by URI (<c>jobInputType</c>, <c>uri</c>, <c>mode</c>, <c>value</c>).</summary>
internal sealed class JobInput
{
    public string? JobInputType { get; set; }
    public string? Uri { get; set; }
    public string? Mode { get; set; }
    public string? Value { get; set; }
    public string? Description { get; set; }
}
