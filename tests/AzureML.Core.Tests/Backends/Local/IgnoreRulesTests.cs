using AzureML.Core.Backends.Local;
using NUnit.Framework;

namespace AzureML.Core.Tests.Backends.Local;

public class IgnoreRulesTests
{
    [TestCase("data/big.csv", false, true)]            // data/ ignores the folder's files
    [TestCase("data", true, true)]
    [TestCase("notes/data", true, true)]               // an unanchored folder name matches at any depth
    [TestCase("debug.log", false, true)]
    [TestCase("keep.log", false, false)]               // negated
    [TestCase("build/out/x.bin", false, true)]         // /build anchored at the root
    [TestCase("src/build/x.bin", false, false)]
    [TestCase("a/b/c/model.tmp", false, true)]         // **/*.tmp
    [TestCase("train.py", false, false)]
    public void GitIgnore_UsedWhenThereIsNoAmlIgnore(string path, bool isDirectory, bool ignored)
    {
        using var folder = new TestFolder();
        folder.Write(".gitignore", "# comment\ndata/\n*.log\n!keep.log\n/build\n**/*.tmp\n");

        IgnoreRules rules = IgnoreRules.Load(folder.Path);
        bool ignoredHere = rules.IsIgnored(path, isDirectory) || path.Split('/').SkipLast(1)
            .Select((_, i) => string.Join('/', path.Split('/').Take(i + 1))).Any(dir => rules.IsIgnored(dir, isDirectory: true));

        Assert.That(ignoredHere, Is.EqualTo(ignored));
    }

    [Test]
    public void AmlIgnore_TakesPrecedenceOverGitIgnore()
    {
        using var folder = new TestFolder();
        folder.Write(".gitignore", "*.csv\n");
        folder.Write(".amlignore", "*.bin\n");

        IgnoreRules rules = IgnoreRules.Load(folder.Path);

        Assert.Multiple(() =>
        {
            Assert.That(rules.SourceFile, Does.EndWith(".amlignore"));
            Assert.That(rules.IsIgnored("x.csv", isDirectory: false), Is.False);
            Assert.That(rules.IsIgnored("x.bin", isDirectory: false), Is.True);
        });
    }

    [TestCase("App.csproj", true)]
    [TestCase("Lib.fsproj", true)]
    [TestCase("train.py", false)]
    public void NoIgnoreFile_BuildOutputLeftOutOnlyBesideADotnetProject(string file, bool leftOut)
    {
        using var folder = new TestFolder();
        folder.Write(file, "");

        IgnoreRules rules = IgnoreRules.Load(folder.Path);

        Assert.Multiple(() =>
        {
            Assert.That(rules.IsIgnored("bin", isDirectory: true), Is.EqualTo(leftOut));
            Assert.That(rules.IsIgnored("src/Lib/obj", isDirectory: true), Is.EqualTo(leftOut));
            Assert.That(rules.IsIgnored("bin", isDirectory: false), Is.False, "only folders");
            Assert.That(rules.DefaultReason is not null, Is.EqualTo(leftOut));
        });
    }
}
