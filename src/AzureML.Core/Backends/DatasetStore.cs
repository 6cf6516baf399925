namespace AzureML.Core.Backends;

/// <summary>Registered datasets and their versions.</summary>
internal abstract class DatasetStore
{
}
