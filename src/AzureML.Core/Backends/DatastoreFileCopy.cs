namespace AzureML.Core.Backends;

/// <summary>One file to upload: a local file and its path inside the datastore.</summary>
internal sealed record DatastoreFileCopy(string LocalPath, string PathOnDatastore);
