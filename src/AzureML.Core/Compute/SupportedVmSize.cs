namespace AzureML.Core.Compute;

/// <summary>A virtual machine size a compute target can use, as <c>AmlCompute.supported_vmsizes</c> lists it.</summary>
public sealed class SupportedVmSize
{
    internal SupportedVmSize(string name, int vCpus, double memoryGB, int gpus)
    {
        Name = name;
        VCpus = vCpus;
        MemoryGB = memoryGB;
        Gpus = gpus;
    }

    /// <summary>The size name, for example <c>Standard_D2_v2</c>.</summary>
    public string Name { get; }

    /// <summary>Virtual CPUs per node.</summary>
    public int VCpus { get; }

    /// <summary>Memory per node in GB.</summary>
    public double MemoryGB { get; }

    /// <summary>GPUs per node.</summary>
    public int Gpus { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Name} ({VCpus} vCPUs, {MemoryGB} GB, {Gpus} GPUs)";
}
