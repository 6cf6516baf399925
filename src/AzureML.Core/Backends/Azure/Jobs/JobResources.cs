namespace AzureML.Core.Backends.Azure.Jobs;

/// <summary><c>JobResourceConfiguration</c>: node count, instance type and shared memory.</summary>
internal sealed class JobResources
{
    public int? InstanceCount { get; set; }
    public string? InstanceType { get; set; }
    public string? ShmSize { get; set; }
}
