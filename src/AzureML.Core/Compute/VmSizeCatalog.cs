namespace AzureML.Core.Compute;

/// <summary>
/// The VM sizes compute targets accept: the common Azure ML training sizes with their published vCPU,
/// memory and GPU counts. Names match case-insensitively, as the service matches them.
/// </summary>
internal static class VmSizeCatalog
{
    public static IReadOnlyList<SupportedVmSize> All { get; } = new[]
    {
        new SupportedVmSize("Standard_D1_v2", 1, 3.5, 0),
        new SupportedVmSize("Standard_D2_v2", 2, 7, 0),
        new SupportedVmSize("Standard_D3_v2", 4, 14, 0),
        new SupportedVmSize("Standard_D4_v2", 8, 28, 0),
        new SupportedVmSize("Standard_D11_v2", 2, 14, 0),
        new SupportedVmSize("Standard_D12_v2", 4, 28, 0),
        new SupportedVmSize("Standard_DS2_v2", 2, 7, 0),
        new SupportedVmSize("Standard_DS3_v2", 4, 14, 0),
        new SupportedVmSize("Standard_DS4_v2", 8, 28, 0),
        new SupportedVmSize("Standard_DS11_v2", 2, 14, 0),
        new SupportedVmSize("Standard_DS12_v2", 4, 28, 0),
        new SupportedVmSize("Standard_D2_v3", 2, 8, 0),
        new SupportedVmSize("Standard_D4_v3", 4, 16, 0),
        new SupportedVmSize("Standard_D2s_v3", 2, 8, 0),
        new SupportedVmSize("Standard_D4s_v3", 4, 16, 0),
        new SupportedVmSize("Standard_D8s_v3", 8, 32, 0),
        new SupportedVmSize("Standard_E4s_v3", 4, 32, 0),
        new SupportedVmSize("Standard_F2s_v2", 2, 4, 0),
        new SupportedVmSize("Standard_F4s_v2", 4, 8, 0),
        new SupportedVmSize("Standard_F8s_v2", 8, 16, 0),
        new SupportedVmSize("Standard_NC4as_T4_v3", 4, 28, 1),
        new SupportedVmSize("Standard_NC6s_v3", 6, 112, 1),
        new SupportedVmSize("Standard_NC12s_v3", 12, 224, 2),
        new SupportedVmSize("Standard_NC24s_v3", 24, 448, 4),
        new SupportedVmSize("Standard_ND40rs_v2", 40, 672, 8),
    };

    /// <summary>The size named <paramref name="name"/> in its canonical spelling.</summary>
    /// <exception cref="ComputeTargetException">The size is not known; the message lists the known ones.</exception>
    public static SupportedVmSize Find(string name)
        => All.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ComputeTargetException(
            $"InvalidVmSize: The VM size '{name}' is not supported. Supported sizes: {string.Join(", ", All.Select(s => s.Name))}.");
}
