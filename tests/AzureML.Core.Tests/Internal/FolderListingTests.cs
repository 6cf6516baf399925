using AzureML.Core.Internal;
using AzureML.TestUtilities;
using NUnit.Framework;

namespace AzureML.Core.Tests.Internal;

/// <summary>How folders are listed for copying: links inside are what they point to, links leaving are left out.</summary>
public class FolderListingTests
{
    [Test]
    public void List_LinksInsideFollowedLinksOutsideDanglingOrLoopingLeftOutWithTheirReasons()
    {
        using var folder = new TestFolder();
        string source = folder.Combine("source");
        folder.Write("source/a.txt", "a");
        folder.Write("source/sub/b.txt", "b");
        folder.Write("outside/secret.txt", "secret");
        File.CreateSymbolicLink(folder.Combine("source", "in.txt"), "a.txt");
        Directory.CreateSymbolicLink(folder.Combine("source", "sublink"), "sub");
        File.CreateSymbolicLink(folder.Combine("source", "out.txt"), "../outside/secret.txt");
        File.CreateSymbolicLink(folder.Combine("source", "abs.txt"), folder.Combine("outside", "secret.txt"));
        Directory.CreateSymbolicLink(folder.Combine("source", "outdir"), "../outside");
        File.CreateSymbolicLink(folder.Combine("source", "dangling"), "nowhere");
        Directory.CreateSymbolicLink(folder.Combine("source", "sub", "up"), "..");
        // Leaves through a link, comes back through another: what counts is where it resolves.
        Directory.CreateSymbolicLink(folder.Combine("outside", "back"), "../source/sub");
        File.CreateSymbolicLink(folder.Combine("source", "roundtrip.txt"), "../outside/back/b.txt");

        FolderListing listing = FolderListing.List(source);

        Assert.Multiple(() =>
        {
            Assert.That(listing.Files.Select(f => f.RelativePath),
                Is.EqualTo(new[] { "a.txt", "in.txt", "roundtrip.txt", "sub/b.txt", "sublink/b.txt" }));
            Assert.That(listing.Files.Where(f => f.ThroughLink).Select(f => f.RelativePath), Is.EqualTo(new[] { "in.txt", "roundtrip.txt", "sublink/b.txt" }));
            Assert.That(File.ReadAllText(listing.Files.Single(f => f.RelativePath == "in.txt").FullPath), Is.EqualTo("a"));
            Assert.That(listing.SkippedLinks.Select(l => l.RelativePath),
                Is.EqualTo(new[] { "abs.txt", "dangling", "out.txt", "outdir", "sub/up", "sublink/up" }));
            Assert.That(listing.SkippedLinks.Single(l => l.RelativePath == "out.txt").Reason, Does.Contain("outside"));
            Assert.That(listing.SkippedLinks.Single(l => l.RelativePath == "dangling").Reason, Does.Contain("points to nothing"));
            Assert.That(listing.SkippedLinks.Single(l => l.RelativePath == "sub/up").Reason, Does.Contain("folder that holds it"));
            Assert.That(listing.SkippedLinks.Single(l => l.RelativePath == "out.txt").ToString(),
                Does.StartWith("left out the symbolic link 'out.txt' -> '../outside/secret.txt'"));
        });
    }

    [Test]
    public void List_RootReachedThroughALink_LinksInsideItStillCountAsInside()
    {
        using var folder = new TestFolder();
        folder.Write("real/a.txt", "a");
        File.CreateSymbolicLink(folder.Combine("real", "in.txt"), folder.Combine("real", "a.txt"));
        Directory.CreateSymbolicLink(folder.Combine("alias"), folder.Combine("real"));

        FolderListing listing = FolderListing.List(folder.Combine("alias"));

        Assert.That(listing.Files.Select(f => f.RelativePath), Is.EqualTo(new[] { "a.txt", "in.txt" }));
        Assert.That(listing.SkippedLinks, Is.Empty);
    }

    [Test]
    public void List_IncludeTurnsDownAFolder_ItIsNotEntered()
    {
        using var folder = new TestFolder();
        folder.Write("keep/a.txt", "a");
        folder.Write("drop/b.txt", "b");

        FolderListing listing = FolderListing.List(folder.Path, (relative, isDirectory) => relative != "drop");

        Assert.That(listing.Files.Select(f => f.RelativePath), Is.EqualTo(new[] { "keep/a.txt" }));
        Assert.That(listing.ExcludedFolders, Is.EqualTo(new[] { "drop" }));
    }

    [Test]
    public void RealPath_ResolvesEveryLinkLikeRealpath()
    {
        using var folder = new TestFolder();
        folder.Write("x/y/file.txt", "");
        Directory.CreateSymbolicLink(folder.Combine("l1"), "x/y");
        Directory.CreateSymbolicLink(folder.Combine("x", "l2"), "../l1");

        Assert.Multiple(() =>
        {
            Assert.That(FolderListing.RealPath(folder.Combine("x", "l2", "file.txt")), Is.EqualTo(FolderListing.RealPath(folder.Combine("x", "y", "file.txt"))));
            Assert.That(FolderListing.RealPath(folder.Combine("l1", "..", "y")), Is.EqualTo(FolderListing.RealPath(folder.Combine("x", "y"))), "'..' after a link goes up from its target");
            Assert.That(FolderListing.RealPath(folder.Combine("missing", "file")), Is.Null);
        });
    }
}
