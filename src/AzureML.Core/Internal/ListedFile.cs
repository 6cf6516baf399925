namespace AzureML.Core.Internal;

/// <summary>A file of a <see cref="FolderListing"/>.</summary>
/// <param name="RelativePath">Its path below the listed folder, '/'-separated, as listed (through link names).</param>
/// <param name="FullPath">The path to read it by (it may lead through symbolic links, all inside the folder).</param>
/// <param name="Length">Its size in bytes.</param>
/// <param name="ThroughLink">True when it is a link, or below a followed folder link: its content lives elsewhere in the folder.</param>
internal sealed record ListedFile(string RelativePath, string FullPath, long Length, bool ThroughLink);
