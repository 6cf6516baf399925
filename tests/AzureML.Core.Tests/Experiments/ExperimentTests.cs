using NUnit.Framework;

namespace AzureML.Core.Tests.Experiments;

public class ExperimentTests : LocalWorkspaceTest
{

    [TestCase("a")]
    [TestCase("train-sklearn")]
    [TestCase("Heart_Failure-2")]
    [TestCase("9lives")]
    public void Ctor_ValidName_GetsOrCreates(string name)
    {
        var first = new Experiment(Ws, name);
        var second = new Experiment(Ws, name);

        Assert.Multiple(() =>
        {
            Assert.That(second.Id, Is.EqualTo(first.Id));
            Assert.That(Ws.Experiments.Keys, Does.Contain(name));
        });
    }

    [Test]
    public async Task GetOrCreateAsync_CreatesOnceThenGetsTheSameExperiment()
    {
        Experiment created = await Experiment.GetOrCreateAsync(Ws, "async-experiment");
        Experiment again = await Experiment.GetOrCreateAsync(Ws, "async-experiment");

        Assert.Multiple(() =>
        {
            Assert.That(again.Id, Is.EqualTo(created.Id));
            Assert.That(new Experiment(Ws, "async-experiment").Id, Is.EqualTo(created.Id));
            Assert.That(async () => await Experiment.GetOrCreateAsync(Ws, "has space"), Throws.TypeOf<UserErrorException>().With.Message.Contains("No whitespace"));
        });
    }

    [TestCase("")]
    [TestCase("-leading-hyphen")]
    [TestCase("_leading")]
    [TestCase("has space")]
    [TestCase("dots.not.allowed")]
    [TestCase("tab\tname")]
    public void Ctor_InvalidName_StatesTheRule(string name)
    {
        Assert.That(() => new Experiment(Ws, name), Throws.TypeOf<UserErrorException>()
            .With.Message.Contains("between 1 and 255 characters").And.Message.Contains("first character has to be alphanumeric")
            .And.Message.Contains("No whitespace"));
    }

    [Test]
    public void Ctor_NameLengthLimits_255AllowedAnd256Refused()
    {
        Assert.Multiple(() =>
        {
            Assert.That(() => new Experiment(Ws, new string('a', 255)), Throws.Nothing);
            Assert.That(() => new Experiment(Ws, new string('a', 256)), Throws.TypeOf<UserErrorException>());
        });
    }

    [Test]
    public void Archive_HidesFromWorkspaceUntilReactivated()
    {
        var experiment = new Experiment(Ws, "old");

        experiment.Archive();
        bool hidden = !Ws.Experiments.ContainsKey("old");
        experiment.Reactivate();

        Assert.Multiple(() =>
        {
            Assert.That(hidden, Is.True);
            Assert.That(Ws.Experiments.ContainsKey("old"), Is.True);
            Assert.That(experiment.ArchivedTime, Is.Null);
        });
    }

    [Test]
    public void Experiments_MissingName_ListsTheExperimentsThatExist()
    {
        _ = new Experiment(Ws, "train");
        _ = new Experiment(Ws, "tune");

        Assert.That(() => Ws.Experiments["nosuch"], Throws.TypeOf<KeyNotFoundException>()
            .With.Message.Contains("No experiment named 'nosuch'").And.Message.Contains("train, tune"));
    }

    [Test]
    public void Tags_SetAndRemove_Persist()
    {
        var experiment = new Experiment(Ws, "tagged");

        experiment.Tag("team", "vision");
        experiment.SetTags(new Dictionary<string, string> { ["stage"] = "dev", ["x"] = "1" });
        experiment.RemoveTags(new[] { "x" });

        Assert.That(new Experiment(Ws, "tagged").Tags, Is.EquivalentTo(new Dictionary<string, string> { ["team"] = "vision", ["stage"] = "dev" }));
    }

    [Test]
    public void GetRuns_FiltersByTagsPropertiesStatusAndType()
    {
        var experiment = new Experiment(Ws, "runs");
        Run a = experiment.StartLogging();
        a.Tag("kind", "baseline");
        a.Complete();
        Run b = experiment.StartLogging();
        b.Tag("kind", "candidate");
        b.AddProperties(new Dictionary<string, string> { ["algo"] = "svc" });
        b.Child().Complete();

        Assert.Multiple(() =>
        {
            Assert.That(experiment.GetRuns().Select(r => r.Id), Is.EqualTo(new[] { b.Id, a.Id }));
            Assert.That(experiment.GetRuns(tags: new Dictionary<string, string?> { ["kind"] = "baseline" }).Single().Id, Is.EqualTo(a.Id));
            Assert.That(experiment.GetRuns(tags: new Dictionary<string, string?> { ["kind"] = null }), Has.Count.EqualTo(2));
            Assert.That(experiment.GetRuns(properties: new Dictionary<string, string?> { ["algo"] = "svc" }).Single().Id, Is.EqualTo(b.Id));
            Assert.That(experiment.GetRuns(status: RunStatus.Completed).Single().Id, Is.EqualTo(a.Id));
            Assert.That(experiment.GetRuns(includeChildren: true), Has.Count.EqualTo(3));
            Assert.That(experiment.GetRuns(type: "interactive"), Has.Count.EqualTo(2));
        });
    }

    [Test]
    public void Submit_MissingSourceDirectory_SaysTheFolderIsMissingNotTheScript()
    {
        string missing = Folder.Combine("no-such-folder");

        Assert.That(() => new Experiment(Ws, "missing").Submit(new ScriptRunConfig(sourceDirectory: missing, script: "train.py")),
            Throws.TypeOf<UserErrorException>()
                .With.Message.Contains($"The source directory '{missing}' does not exist")
                .And.Message.Not.Contains("The script"));
    }
}
