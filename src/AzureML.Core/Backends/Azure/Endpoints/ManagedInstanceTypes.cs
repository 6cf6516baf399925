namespace AzureML.Core.Backends.Azure.Endpoints;

/// <summary>
/// The managed online endpoint VM sizes an <c>AciWebservice.DeployConfiguration(cpuCores, memoryGb)</c> maps onto:
/// the smallest (cheapest first) that has at least the asked cores and memory.
/// </summary>
internal static class ManagedInstanceTypes
{
    private static readonly (string Name, double Cores, double MemoryGb)[] s_sizes =
    {
        ("Standard_DS1_v2", 1, 3.5),
        ("Standard_F2s_v2", 2, 4),
        ("Standard_DS2_v2", 2, 7),
        ("Standard_F4s_v2", 4, 8),
        ("Standard_DS3_v2", 4, 14),
        ("Standard_F8s_v2", 8, 16),
        ("Standard_DS4_v2", 8, 28),
        ("Standard_F16s_v2", 16, 32),
        ("Standard_DS5_v2", 16, 56),
        ("Standard_F32s_v2", 32, 64),
    };

    /// <summary>The instance type for the request; <c>Standard_DS2_v2</c> when neither is given.</summary>
    /// <exception cref="WebserviceException">No managed size is that large.</exception>
    public static string For(double? cpuCores, double? memoryGb)
    {
        if (cpuCores is null && memoryGb is null) return "Standard_DS2_v2";
        foreach ((string name, double cores, double memory) in s_sizes)
        {
            if (cores >= (cpuCores ?? 0) && memory >= (memoryGb ?? 0)) return name;
        }

        throw new WebserviceException($"No managed online endpoint size has {cpuCores} cores and {memoryGb} GB; the largest is Standard_F32s_v2 (32 cores, 64 GB).");
    }
}
