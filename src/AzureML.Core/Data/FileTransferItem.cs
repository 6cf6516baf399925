namespace AzureML.Core.Data;

/// <summary>One file to copy: where it ends up, its size for progress, and how to open its content.</summary>
internal sealed record FileTransferItem(string Target, long Length, Func<CancellationToken, Task<Stream>> OpenAsync);
