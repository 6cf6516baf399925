namespace AzureML.Core.Backends.Azure.Assets;

/// <summary><c>FlavorData</c>: the settings of one model flavor.</summary>
internal sealed class FlavorData
{
    public Dictionary<string, string?>? Data { get; set; }
}
