using AzureML.Core.Compute;
using AzureML.Core.Data;
using AzureML.Core.Webservices;
using NUnit.Framework;
using Environment = AzureML.Core.Environment;

namespace AzureML.Core.Tests.Backends.Contract;

/// <summary>
/// What every backend must do alike, asserted through the public API a notebook uses: the same not-found rule in
/// every store, lists that return every item however the backend pages, and run filters that mean the same. Each
/// backend runs it through a fixture that opens one of its workspaces.
/// </summary>
public abstract class WorkspaceContractTest
{
    /// <summary>The workspace under test, new for each test.</summary>
    protected Workspace Ws { get; private set; } = null!;

    /// <summary>Opens an empty workspace of the backend.</summary>
    protected abstract Workspace OpenWorkspace();

    [SetUp]
    public void Open() => Ws = OpenWorkspace();

    /// <summary>Creates clusters <c>cluster-0</c> … <c>cluster-{count-1}</c>.</summary>
    protected void CreateClusters(int count)
    {
        for (int i = 0; i < count; i++) ComputeTarget.Create(Ws, $"cluster-{i}", AmlCompute.ProvisioningConfiguration(vmSize: "Standard_D2_v2", maxNodes: 1));
    }

    private static readonly (string Store, Action<Workspace> Read)[] s_missing =
    [
        ("run", ws => ws.GetRun("no-such-run")),
        ("model", ws => _ = new Model(ws, "no-such-model")),
        ("model version", ws => _ = new Model(ws, "no-such-model", version: 3)),
        ("compute", ws => _ = new AmlCompute(ws, "no-such-cluster")),
        ("environment", ws => Environment.Get(ws, "no-such-env")),
        ("datastore", ws => Datastore.Get(ws, "no_such_store")),
        ("dataset", ws => Dataset.GetByName(ws, "no-such-dataset")),
        ("service", ws => _ = new Webservice(ws, "no-such-service")),
    ];

    private static IEnumerable<TestCaseData> MissingResources() => s_missing.Select(m => new TestCaseData(m.Read).SetArgDisplayNames(m.Store));

    [TestCaseSource(nameof(MissingResources))]
    public void ReadingAMissingResource_ThrowsWithErrorCodeResourceNotFound(Action<Workspace> read)
    {
        Assert.That(() => read(Ws), Throws.InstanceOf<AzureMLException>().With.Property(nameof(AzureMLException.ErrorCode)).EqualTo(AzureMLErrorCode.ResourceNotFound));
    }

    [Test]
    public void GetRuns_ReturnsEveryRun_AcrossPages()
    {
        var experiment = new Experiment(Ws, "many-runs");
        var started = new List<string>();
        for (int i = 0; i < 105; i++)
        {
            Run run = experiment.StartLogging(displayName: $"run-{i}");
            started.Add(run.Id);
        }

        IReadOnlyList<Run> runs = experiment.GetRuns();

        Assert.That(runs.Select(r => r.Id), Is.EquivalentTo(started));
        Assert.That(runs.Select(r => r.Id).Distinct().Count(), Is.EqualTo(105));
    }

    [Test]
    public void ComputeTargets_ListsEveryCluster()
    {
        CreateClusters(5);

        IReadOnlyList<ComputeTarget> all = ComputeTarget.List(Ws);

        Assert.That(all.Select(c => c.Name), Is.EquivalentTo(Enumerable.Range(0, 5).Select(i => $"cluster-{i}")));
        Assert.That(Ws.ComputeTargets.Keys, Is.EquivalentTo(all.Select(c => c.Name)));
    }

    [Test]
    public async Task GetRuns_FiltersByTagsAndStatus_TheSameWay()
    {
        var experiment = new Experiment(Ws, "filtered");
        Run redDone = experiment.StartLogging();
        redDone.Tag("team", "red");
        redDone.Complete();
        Run blueDone = experiment.StartLogging();
        blueDone.Tag("team", "blue");
        await blueDone.CompleteAsync();
        Run redRunning = experiment.StartLogging();
        redRunning.Tag("team", "red");

        var red = new Dictionary<string, string?> { ["team"] = "red" };
        Assert.Multiple(async () =>
        {
            Assert.That(experiment.GetRuns(tags: red).Select(r => r.Id), Is.EquivalentTo(new[] { redDone.Id, redRunning.Id }));
            Assert.That(experiment.GetRuns(status: RunStatus.Completed).Select(r => r.Id), Is.EquivalentTo(new[] { redDone.Id, blueDone.Id }));
            Assert.That((await experiment.GetRunsAsync(tags: red, status: RunStatus.Completed)).Select(r => r.Id), Is.EqualTo(new[] { redDone.Id }));
            Assert.That(experiment.GetRuns(tags: new Dictionary<string, string?> { ["team"] = null }), Has.Count.EqualTo(3), "a null value matches any value");
        });
    }
}
