using Azure.Core;
using AzureML.Core.Backends.Azure;
using AzureML.Core.Backends.Azure.Rest;
using NUnit.Framework;
using NUnit.Framework.Interfaces;

namespace AzureML.Core.Tests.Backends.Azure.Infrastructure;

/// <summary>
/// Base of the Azure contract tests: a scripted transport, a fake credential, virtual polling time and a
/// recording retry policy, wired through <see cref="AzureMLClientOptions"/> as a user would. Each fixture runs
/// once with synchronous and once with asynchronous calls (<see cref="IsAsync"/>).
/// </summary>
[TestFixture(false)]
[TestFixture(true)]
public abstract class AzureContractTest
{
    internal const string Subscription = "00000000-1111-2222-3333-444444444444";
    internal const string ResourceGroup = "test-rg";
    internal const string WorkspaceName = "test-ws";
    internal const string WorkspacePath = "/subscriptions/" + Subscription + "/resourceGroups/" + ResourceGroup + "/providers/Microsoft.MachineLearningServices/workspaces/" + WorkspaceName;

    protected AzureContractTest(bool isAsync) => IsAsync = isAsync;

    /// <summary>True when the test runs the async entry points.</summary>
    protected bool IsAsync { get; }

    internal ScriptedTransport Transport { get; private set; } = null!;
    internal FakeTokenCredential Credential { get; private set; } = null!;
    internal FakeClock Clock { get; private set; } = null!;
    internal RecordingRetryPolicy Retries { get; private set; } = null!;
    internal AzureMLClientOptions Options { get; private set; } = null!;
    internal AzureMLPipelines Pipelines { get; private set; } = null!;
    internal WorkspaceScope Scope { get; } = new(Subscription, ResourceGroup, WorkspaceName);
    internal AzureWorkspaceClient Client { get; private set; } = null!;

    [SetUp]
    public void SetUpScript()
    {
        Transport = new ScriptedTransport();
        Credential = new FakeTokenCredential();
        Clock = new FakeClock();
        Retries = new RecordingRetryPolicy();
        Options = NewOptions();
        Pipelines = new AzureMLPipelines(Options, Credential);
        Client = new AzureWorkspaceClient(Scope, Pipelines);
    }

    [TearDown]
    public void CheckScript()
    {
        if (TestContext.CurrentContext.Result.Outcome.Status == TestStatus.Passed) Transport.AssertDone();
    }

    /// <summary>Options a user would build, with this test's transport, clock and retry policy.</summary>
    internal AzureMLClientOptions NewOptions()
    {
        var options = new AzureMLClientOptions { Transport = Transport, RetryPolicy = Retries, PollingInterval = TimeSpan.FromSeconds(5) };
        options.Clock = Clock;
        return options;
    }

    /// <summary>Runs an operation through its sync or async path, as the fixture parameter says.</summary>
    internal T Run<T>(Func<bool, ValueTask<T>> operation)
        => IsAsync ? operation(true).AsTask().GetAwaiter().GetResult() : operation(false).EnsureCompleted();

    /// <inheritdoc cref="Run{T}(Func{bool, ValueTask{T}})"/>
    internal void Run(Func<bool, ValueTask> operation)
    {
        if (IsAsync) operation(true).AsTask().GetAwaiter().GetResult();
        else operation(false).EnsureCompleted();
    }

    /// <summary>Every item of a pager through its sync or async pageable.</summary>
    internal List<T> All<T>(ArmPager<T> pager) where T : notnull
    {
        if (!IsAsync) return pager.AsPageable(CancellationToken.None).ToList();
        var items = new List<T>();
        IAsyncEnumerator<T> e = pager.AsAsyncPageable(CancellationToken.None).GetAsyncEnumerator();
        while (e.MoveNextAsync().AsTask().GetAwaiter().GetResult()) items.Add(e.Current);
        return items;
    }

    /// <summary>Expects the workspace read and its discovery document, which give the data-plane hosts (<c>eastus2.api.azureml.ms</c>).</summary>
    internal void ExpectDiscovery()
        => Transport
            .Expect(RequestMethod.Get, WorkspacePath, Examples.Ok("workspace-get"))
            .Expect(RequestMethod.Get, "/discovery", r =>
            {
                Assert.That(r.Header("Authorization"), Is.Null, "the discovery document is read without a credential");
                return Examples.Ok("discovery");
            }, apiVersion: null);

    /// <summary>A workspace-relative path: <c>{ws}/suffix</c>.</summary>
    internal static string Ws(string suffix) => WorkspacePath + "/" + suffix;
}
