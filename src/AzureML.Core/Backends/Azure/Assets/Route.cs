namespace AzureML.Core.Backends.Azure.Assets;

/// <summary><c>Route</c>: a path and port.</summary>
internal sealed class Route
{
    public string? Path { get; set; }
    public int? Port { get; set; }
}
