using System.Diagnostics;
using AzureML.Core.Internal;
using AzureML.TestUtilities;
using NUnit.Framework;

namespace AzureML.Core.Tests.Internal;

/// <summary>Temporary siblings name their writer, so what a killed writer left is removed once it is stale.</summary>
public class FileWritingTests
{
    [Test]
    public void SweepStale_RemovesOnlyOldLeftoversOfWritersThatAreGone()
    {
        using var folder = new TestFolder();
        int deadPid = ExitedProcessId();
        string dead = folder.Write($".upload.bin.{deadPid}-{ProcessIdentity.StartTicks(deadPid) + 1}.{Guid.NewGuid():N}.tmp", "partial");
        string deadYoung = folder.Write($".young.bin.{deadPid}-1.{Guid.NewGuid():N}.tmp", "partial");
        string live = folder.Write(FileWriting.TemporaryName("live.bin"), "being written");
        string legacy = folder.Write($".old.bin.{Guid.NewGuid():N}.tmp", "from an earlier version");
        string legacyYoung = folder.Write($".recent.bin.{Guid.NewGuid():N}.tmp", "from an earlier version");
        string content = folder.Write("model.bin", "content");
        string deadFolder = folder.Combine($".model.{deadPid}-1.{Guid.NewGuid():N}.tmp");
        Directory.CreateDirectory(deadFolder);
        File.WriteAllBytes(Path.Combine(deadFolder, "weights"), new byte[1000]);
        Age(dead, TimeSpan.FromMinutes(11));
        Age(live, TimeSpan.FromHours(30));
        Age(legacy, TimeSpan.FromHours(25));
        Age(legacyYoung, TimeSpan.FromHours(2));
        Age(content, TimeSpan.FromHours(30));
        Age(deadFolder, TimeSpan.FromMinutes(11));

        (int entries, long bytes) = FileWriting.SweepStale(folder.Path);

        Assert.Multiple(() =>
        {
            Assert.That(File.Exists(dead), Is.False, "a dead writer's old file");
            Assert.That(Directory.Exists(deadFolder), Is.False, "a dead writer's old folder");
            Assert.That(File.Exists(legacy), Is.False, "an unnamed writer's file after a day");
            Assert.That(File.Exists(deadYoung), Is.True, "younger than the safe age");
            Assert.That(File.Exists(live), Is.True, "this process is alive");
            Assert.That(File.Exists(legacyYoung), Is.True);
            Assert.That(File.Exists(content), Is.True, "not a temporary file");
            Assert.That(entries, Is.EqualTo(3));
            Assert.That(bytes, Is.EqualTo("partial".Length + 1000 + "from an earlier version".Length));
        });
    }

    [Test]
    public void WriteAtomically_TheFolderHoldsAStaleLeftover_TheWriteRemovesIt()
    {
        using var folder = new TestFolder();
        int deadPid = ExitedProcessId();
        string leftover = folder.Write($"sub/.data.csv.{deadPid}-1.{Guid.NewGuid():N}.tmp", "half");
        Age(leftover, TimeSpan.FromMinutes(11));

        FileWriting.WriteAtomically(folder.Combine("sub", "data.csv"), "a,b\n"u8);

        Assert.That(Directory.GetFiles(folder.Combine("sub")).Select(Path.GetFileName), Is.EqualTo(new[] { "data.csv" }));
    }

    [Test]
    public void TemporaryName_NamesThisProcessAndKeepsLongNamesShort()
    {
        string name = FileWriting.TemporaryName(new string('n', 300));

        Assert.Multiple(() =>
        {
            Assert.That(name, Does.StartWith(".nnn").And.EndWith(".tmp"));
            Assert.That(name, Does.Contain($".{System.Environment.ProcessId}-{ProcessIdentity.StartTicks(System.Environment.ProcessId)}."));
            Assert.That(name.Length, Is.LessThan(200));
            Assert.That(FileWriting.IsTemporaryName(name), Is.True);
        });
    }

    private static void Age(string path, TimeSpan by)
    {
        DateTime when = DateTime.UtcNow - by;
        if (Directory.Exists(path)) Directory.SetLastWriteTimeUtc(path, when);
        else File.SetLastWriteTimeUtc(path, when);
    }

    private static int ExitedProcessId()
    {
        using Process process = Process.Start("true")!;
        process.WaitForExit();
        return process.Id;
    }
}
