namespace AzureML.Core.Backends.Azure.Compute;

/// <summary>The body of <c>PATCH {ws}/computes/{c}</c> (<c>ClusterUpdateParameters</c>).</summary>
internal sealed class ClusterUpdateParameters
{
    public ClusterUpdateProperties? Properties { get; set; }
}
