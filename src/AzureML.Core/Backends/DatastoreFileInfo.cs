namespace AzureML.Core.Backends;

/// <summary>A file in a datastore: its path from the datastore's root and its size in bytes.</summary>
internal sealed record DatastoreFileInfo(string Path, long Length);
