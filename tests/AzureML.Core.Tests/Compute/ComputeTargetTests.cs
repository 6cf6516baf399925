using AzureML.Core.Compute;
using NUnit.Framework;

namespace AzureML.Core.Tests.Compute;

[TestFixture(true)]
[TestFixture(false)]
public class ComputeTargetTests : LocalWorkspaceTest
{
    private readonly bool _async;

    public ComputeTargetTests(bool isAsync) => _async = isAsync;

    private async Task<ComputeTarget> Create(string name, ComputeTargetProvisioningConfiguration config)
        => _async ? await ComputeTarget.CreateAsync(Ws, name, config) : ComputeTarget.Create(Ws, name, config);

    private static AmlComputeProvisioningConfiguration Cluster(int minNodes = 0, int? maxNodes = 2)
        => AmlCompute.ProvisioningConfiguration(vmSize: "Standard_D2_v2", minNodes: minNodes, maxNodes: maxNodes);

    [Test]
    public void Seed003_ComputeBlock_CreatesOnceThenFindsTheCluster()
    {
        var ws = Ws;
        var lines = new List<string>();
        int created = 0;
        for (int attempt = 0; attempt < 2; attempt++)
        {
            // The seed's lines, as written (showOutput goes to the console; the Action overload captures it here).
            AmlCompute amlCompute;
            try { amlCompute = new AmlCompute(ws, "heart-f-cluster"); }
            catch (ComputeTargetException)
            {
                var amlConfig = AmlCompute.ProvisioningConfiguration(vmSize: "Standard_D2_v2", minNodes: 1, maxNodes: 3);
                amlCompute = (AmlCompute)ComputeTarget.Create(ws, "heart-f-cluster", amlConfig);
                amlCompute.WaitForCompletion(showOutput: true);
                amlCompute.WaitForCompletionAsync(lines.Add).GetAwaiter().GetResult();
                created++;
            }

            var computeTarget = ws.ComputeTargets["heart-f-cluster"];
            Assert.That(computeTarget, Is.TypeOf<AmlCompute>());
        }

        AmlComputeStatus status = ((AmlCompute)ws.ComputeTargets["heart-f-cluster"]).GetStatus();
        Assert.Multiple(() =>
        {
            Assert.That(created, Is.EqualTo(1));
            Assert.That(lines, Has.Some.EqualTo("Provisioning operation finished, operation \"Succeeded\""));
            Assert.That(lines.Last(), Is.EqualTo("AmlCompute wait for completion finished"));
            Assert.That(status.ProvisioningState, Is.EqualTo("Succeeded"));
            Assert.That(status.VmSize, Is.EqualTo("Standard_D2_v2"));
            Assert.That(status.ScaleSettings.MinimumNodeCount, Is.EqualTo(1));
            Assert.That(status.ScaleSettings.MaximumNodeCount, Is.EqualTo(3));
            Assert.That(status.CurrentNodeCount, Is.EqualTo(1), "minNodes are allocated even when idle");
        });
    }

    [Test]
    public void Constructor_MissingName_ThrowsComputeTargetNotFound()
    {
        Assert.Multiple(() =>
        {
            Assert.That(() => new AmlCompute(Ws, "nope"),
                Throws.TypeOf<ComputeTargetException>().With.Message.StartsWith("Compute Target with name nope not found in provided workspace")
                    .And.Property(nameof(AzureMLException.ErrorCode)).EqualTo(AzureMLErrorCode.ResourceNotFound));
            Assert.That(() => ComputeTarget.Get(Ws, "nope"), Throws.TypeOf<ComputeTargetException>());
        });
    }

    [Test]
    public async Task ComputeTargets_MissingName_KeyNotFoundListsExistingTargets()
    {
        await Create("cpu-cluster", Cluster());
        await Create("gpu-cluster", AmlCompute.ProvisioningConfiguration(vmSize: "Standard_NC6s_v3", maxNodes: 1));

        IReadOnlyDictionary<string, ComputeTarget> targets = _async ? await Ws.GetComputeTargetsAsync() : Ws.ComputeTargets;

        Assert.Multiple(() =>
        {
            Assert.That(targets.Keys, Is.EquivalentTo(new[] { "cpu-cluster", "gpu-cluster" }));
            Assert.That(targets["CPU-Cluster"].Name, Is.EqualTo("cpu-cluster"), "names compare case-insensitively");
            Assert.That(() => targets["heart-f-cluster"], Throws.TypeOf<KeyNotFoundException>()
                .With.Message.Contains("'heart-f-cluster'").And.Message.Contains("cpu-cluster, gpu-cluster"));
        });
    }

    [Test]
    public async Task Create_ComputeInstance_GetReturnsTheInstanceAsOneNode()
    {
        await Create("dev-box", ComputeInstance.ProvisioningConfiguration(vmSize: "standard_ds3_v2", sshPublicAccess: false));

        ComputeTarget target = _async ? await ComputeTarget.GetAsync(Ws, "dev-box") : ComputeTarget.Get(Ws, "dev-box");
        ComputeInstanceStatus status = ((ComputeInstance)target).GetStatus();

        Assert.Multiple(() =>
        {
            Assert.That(target, Is.TypeOf<ComputeInstance>());
            Assert.That(target.Type, Is.EqualTo("ComputeInstance"));
            Assert.That(target.VmSize, Is.EqualTo("Standard_DS3_v2"), "sizes match case-insensitively and keep their canonical spelling");
            Assert.That(status.State, Is.EqualTo("Running"));
            Assert.That(status.IsBusy, Is.False);
            Assert.That(() => new AmlCompute(Ws, "dev-box"), Throws.TypeOf<ComputeTargetException>().With.Message.Contains("is a ComputeInstance"));
        });
    }

    [TestCase("a", "2 to 16")] // too short
    [TestCase("cluster-name-too-long", "2 to 16")]
    [TestCase("1cluster", "start with a letter")]
    [TestCase("cpu_cluster", "letters, digits and hyphens")]
    [TestCase("cpu-", "not end with a hyphen")]
    [TestCase("local", "reserved")]
    public void Create_InvalidClusterName_ThrowsNamingTheRule(string name, string rule)
        => Assert.That(() => Create(name, Cluster()), Throws.TypeOf<ComputeTargetException>().With.Message.Contains($"'{name}'").And.Message.Contains(rule));

    [Test]
    public void Create_InvalidComputeInstanceName_ThrowsNamingTheRule()
        => Assert.That(() => Create("box-1", ComputeInstance.ProvisioningConfiguration(vmSize: "Standard_DS3_v2")),
            Throws.TypeOf<ComputeTargetException>().With.Message.Contains("'box-1'").And.Message.Contains("3 to 24"));

    [TestCase(3, 2, "minNodes (3) must not be larger than maxNodes (2)")]
    [TestCase(0, 0, "maxNodes must be at least 1, got 0")]
    [TestCase(-1, 2, "minNodes must be 0 or more, got -1")]
    public void Create_InconsistentScaleSettings_ThrowsNamingTheValues(int minNodes, int maxNodes, string message)
        => Assert.That(() => Create("cpu-cluster", Cluster(minNodes, maxNodes)), Throws.TypeOf<ComputeTargetException>().With.Message.Contains(message));

    [Test]
    public void Create_UnknownVmSizeOrPriority_ThrowsListingValidOnes()
    {
        Assert.Multiple(() =>
        {
            Assert.That(() => Create("cpu-cluster", AmlCompute.ProvisioningConfiguration(vmSize: "Standard_Z9_v9", maxNodes: 1)),
                Throws.TypeOf<ComputeTargetException>().With.Message.Contains("'Standard_Z9_v9'").And.Message.Contains("Standard_D2_v2, ").And.Message.Contains("Standard_NC6s_v3"));
            Assert.That(() => Create("cpu-cluster", AmlCompute.ProvisioningConfiguration(vmSize: "Standard_D2_v2", vmPriority: "spot", maxNodes: 1)),
                Throws.TypeOf<ComputeTargetException>().With.Message.Contains("'spot'").And.Message.Contains("\"lowpriority\""));
            Assert.That(ComputeTarget.List(Ws), Is.Empty);
        });
    }

    [Test]
    public void Create_NoVmSize_UsesTheServiceDefault()
    {
        var cluster = (AmlCompute)ComputeTarget.Create(Ws, "cpu-cluster", AmlCompute.ProvisioningConfiguration(maxNodes: 1));

        Assert.That(cluster.VmSize, Is.EqualTo("Standard_DS3_v2"));
    }

    [Test]
    public async Task Create_NameTakenInAnyCase_ThrowsNamingTheExistingTarget()
    {
        await Create("cpu-cluster", Cluster());

        Assert.That(() => Create("CPU-cluster", Cluster()),
            Throws.TypeOf<ComputeTargetException>().With.Message.Contains("'CPU-cluster' is already used by the AmlCompute 'cpu-cluster'"));
    }

    [Test]
    public void SupportedVmSizes_ListsCommonSizesWithTheirShape()
    {
        IReadOnlyList<SupportedVmSize> sizes = AmlCompute.SupportedVmSizes(Ws);
        SupportedVmSize gpu = sizes.Single(s => s.Name == "Standard_NC6s_v3");

        Assert.Multiple(() =>
        {
            Assert.That(sizes.Select(s => s.Name), Is.SupersetOf(new[] { "Standard_D2_v2", "Standard_DS3_v2", "Standard_D4s_v3", "Standard_F4s_v2" }));
            Assert.That((gpu.VCpus, gpu.MemoryGB, gpu.Gpus), Is.EqualTo((6, 112.0, 1)));
        });
    }

    [Test]
    public async Task GetStatus_IdleCluster_ReportsMinimumNodesIdleAndSerializesLikeAzureML()
    {
        var cluster = (AmlCompute)await Create("cpu-cluster", AmlCompute.ProvisioningConfiguration(vmSize: "Standard_D2_v2", minNodes: 2, maxNodes: 4, idleSecondsBeforeScaledown: 120));

        AmlComputeStatus status = _async ? await cluster.GetStatusAsync() : cluster.GetStatus();
        IReadOnlyDictionary<string, object?> serialized = status.Serialize();

        Assert.Multiple(() =>
        {
            Assert.That(status.CurrentNodeCount, Is.EqualTo(2));
            Assert.That(status.NodeStateCounts.IdleNodeCount, Is.EqualTo(2));
            Assert.That(status.NodeStateCounts.RunningNodeCount, Is.EqualTo(0));
            Assert.That(serialized["allocationState"], Is.EqualTo("Steady"));
            Assert.That(serialized["currentNodeCount"], Is.EqualTo(2));
            Assert.That(serialized["vmPriority"], Is.EqualTo("dedicated"));
            Assert.That(((IReadOnlyDictionary<string, object?>)serialized["nodeStateCounts"]!)["idleNodeCount"], Is.EqualTo(2));
            Assert.That(((IReadOnlyDictionary<string, object?>)serialized["scaleSettings"]!)["nodeIdleTimeBeforeScaleDown"], Is.EqualTo("PT120S"));
        });
    }

    [Test]
    public async Task GetStatus_ToString_NamesStatesNodesAndSettings()
    {
        var cluster = (AmlCompute)await Create("cpu-cluster", AmlCompute.ProvisioningConfiguration(vmSize: "Standard_D2_v2", minNodes: 1, maxNodes: 3, idleSecondsBeforeScaledown: 120));

        AmlComputeStatus status = _async ? await cluster.GetStatusAsync() : cluster.GetStatus();

        Assert.That(status.ToString(), Is.EqualTo(
            "AmlComputeStatus(provisioning: Succeeded, allocation: Steady, nodes: 1 current / 1 target (1 idle), " +
            "vm: Standard_D2_v2 dedicated, scale: 1-3 nodes, idle nodes leave after 120 s)"));
    }

    [Test]
    public async Task Update_ScaleSettings_AppliedAndValidated()
    {
        var cluster = (AmlCompute)await Create("cpu-cluster", Cluster(minNodes: 0, maxNodes: 2));

        if (_async) await cluster.UpdateAsync(minNodes: 1, maxNodes: 5);
        else cluster.Update(minNodes: 1, maxNodes: 5);

        Assert.Multiple(() =>
        {
            Assert.That(new AmlCompute(Ws, "cpu-cluster").ScaleSettings.MaximumNodeCount, Is.EqualTo(5));
            Assert.That(cluster.ScaleSettings.MinimumNodeCount, Is.EqualTo(1));
            Assert.That(cluster.ScaleSettings.IdleSecondsBeforeScaledown, Is.EqualTo(1800), "values not given are kept");
            Assert.That(() => cluster.Update(minNodes: 6), Throws.TypeOf<ComputeTargetException>().With.Message.Contains("minNodes (6) must not be larger than maxNodes (5)"));
        });
    }

    [Test]
    public async Task Delete_Target_GoneAndRunsOnItRefusedAtSubmit()
    {
        ComputeTarget cluster = await Create("cpu-cluster", Cluster());

        if (_async) await cluster.DeleteAsync();
        else cluster.Delete();
        cluster.Delete(); // deleting again is a no-op

        Folder.Write("src/train.py", "print('never runs')\n");
        Assert.Multiple(() =>
        {
            Assert.That(ComputeTarget.List(Ws), Is.Empty);
            Assert.That(() => new Experiment(Ws, "x").Submit(new ScriptRunConfig(cluster, Folder.Combine("src"), "train.py")),
                Throws.TypeOf<UserErrorException>().With.Message.Contains("'cpu-cluster' does not exist"));
        });
    }

    [Test]
    public async Task Submit_UnknownTarget_FailsFastListingExistingTargets()
    {
        await Create("cpu-cluster", Cluster());
        Folder.Write("src/train.py", "print('never runs')\n");

        Assert.Multiple(() =>
        {
            Assert.That(() => new Experiment(Ws, "x").Submit(new ScriptRunConfig(Folder.Combine("src"), "train.py", computeTarget: "gpu-cluster")),
                Throws.TypeOf<UserErrorException>().With.Message.Contains("'gpu-cluster'").And.Message.Contains("Existing targets: local, cpu-cluster"));
            Assert.That(new Experiment(Ws, "x").GetRuns(), Is.Empty);
        });
    }

    [Test]
    public async Task Submit_NodeCountAboveMaxNodes_RefusedNamingTheLimit()
    {
        ComputeTarget cluster = await Create("cpu-cluster", Cluster(maxNodes: 2));
        Folder.Write("src/train.py", "print('never runs')\n");
        var config = new ScriptRunConfig(cluster, Folder.Combine("src"), "train.py");
        config.RunConfig.NodeCount = 3;

        Assert.That(() => new Experiment(Ws, "x").Submit(config),
            Throws.TypeOf<UserErrorException>().With.Message.Contains("nodeCount 3").And.Message.Contains("at most 2 nodes"));
    }

    [Test]
    public async Task WaitForCompletion_MinNodeCountAboveMaxNodes_ThrowsInsteadOfWaiting()
    {
        ComputeTarget cluster = await Create("cpu-cluster", Cluster(maxNodes: 2));

        Assert.That(() => cluster.WaitForCompletion(minNodeCount: 3), Throws.TypeOf<ComputeTargetException>().With.Message.Contains("at most 2 nodes"));
    }
}
