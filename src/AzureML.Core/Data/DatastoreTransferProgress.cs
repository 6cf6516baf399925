namespace AzureML.Core.Data;

/// <summary>
/// Progress of an upload or download, reported after each file: how many files and bytes are done out of the total.
/// Skipped files (already present, <c>overwrite: false</c>) count as done.
/// </summary>
/// <param name="FilesDone">Files finished, including skipped ones.</param>
/// <param name="FilesTotal">Files in the transfer.</param>
/// <param name="FilesSkipped">Files left alone because they already existed.</param>
/// <param name="BytesDone">Bytes of the finished files.</param>
/// <param name="BytesTotal">Bytes of all files in the transfer.</param>
public readonly record struct DatastoreTransferProgress(int FilesDone, int FilesTotal, int FilesSkipped, long BytesDone, long BytesTotal);
