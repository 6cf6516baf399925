namespace AzureML.Core.Backends.Azure.Jobs;

/// <summary><c>DistributionConfiguration</c>: <c>Mpi</c>, <c>PyTorch</c> or <c>TensorFlow</c>.</summary>
internal sealed class JobDistribution
{
    public string? DistributionType { get; set; }
    public int? ProcessCountPerInstance { get; set; }
    public int? WorkerCount { get; set; }
    public int? ParameterServerCount { get; set; }
}
