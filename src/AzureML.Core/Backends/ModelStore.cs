namespace AzureML.Core.Backends;

/// <summary>The model registry: versions, files, tags and properties.</summary>
internal abstract class ModelStore
{
}
