namespace AzureML.Core.Internal;

/// <summary>A symbolic link a <see cref="FolderListing"/> did not follow, and why.</summary>
/// <param name="RelativePath">The link's path below the listed folder, '/'-separated.</param>
/// <param name="Target">What the link says it points to.</param>
/// <param name="Reason">Why it was left out, completing "… because it …".</param>
internal sealed record SkippedLink(string RelativePath, string Target, string Reason)
{
    /// <summary>One line for a log: what was left out and why.</summary>
    public override string ToString() => $"left out the symbolic link '{RelativePath}' -> '{Target}' because it {Reason}";
}
