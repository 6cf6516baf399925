namespace AzureML.Core.Backends;

/// <summary>What a file transfer did: files written, files left alone because they existed, bytes written.</summary>
internal sealed record FileTransferSummary(int FilesCopied, int FilesSkipped, long BytesCopied);
