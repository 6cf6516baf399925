namespace AzureML.Core.Backends;

/// <summary>Compute targets and the local node slots runs wait for.</summary>
internal abstract class ComputeStore
{
}
