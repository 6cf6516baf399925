namespace AzureML.Core.Backends.Azure.Assets;

/// <summary><c>DataVersionBase</c> properties (<c>uri_file</c>, <c>uri_folder</c>, <c>mltable</c>).</summary>
internal sealed class DataVersionProperties
{
    public string? DataType { get; set; }
    public string? DataUri { get; set; }
    public List<string>? ReferencedUris { get; set; }
    public string? Description { get; set; }
    public Dictionary<string, string?>? Tags { get; set; }
    public Dictionary<string, string?>? Properties { get; set; }
    public bool? IsAnonymous { get; set; }
    public bool? IsArchived { get; set; }
    public string? ProvisioningState { get; set; }
}
