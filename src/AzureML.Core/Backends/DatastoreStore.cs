namespace AzureML.Core.Backends;

/// <summary>Registered datastores and their files.</summary>
internal abstract class DatastoreStore
{
}
