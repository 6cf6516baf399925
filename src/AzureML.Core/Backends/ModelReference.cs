namespace AzureML.Core.Backends;

/// <summary>A registered model version a service serves.</summary>
internal sealed record ModelReference(string Name, string Version, string Framework)
{
    public string Id => $"{Name}:{Version}";
}
