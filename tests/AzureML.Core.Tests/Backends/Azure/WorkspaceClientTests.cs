using Azure.Core;
using AzureML.Core.Authentication;
using AzureML.Core.Backends.Azure.Workspaces;
using AzureML.Core.Tests.Backends.Azure.Infrastructure;
using NUnit.Framework;

namespace AzureML.Core.Tests.Backends.Azure;

/// <summary>Workspaces over Resource Manager: the REST client and the public Workspace.Get/Create/Delete/List built on it.</summary>
public class WorkspaceClientTests : AzureContractTest
{
    public WorkspaceClientTests(bool isAsync) : base(isAsync) { }

    private static string RgPath => $"/subscriptions/{Subscription}/resourceGroups/{ResourceGroup}";

    [Test]
    public void Get_ParsesTheWorkspace_AndSendsTheArmToken()
    {
        Transport.Expect(RequestMethod.Get, WorkspacePath, Examples.Ok("workspace-get"));

        var info = WorkspaceConverter.ToInfo(Run(a => Client.Workspaces.GetAsync(ResourceGroup, WorkspaceName, a, CancellationToken.None)), Subscription, ResourceGroup);

        Assert.Multiple(() =>
        {
            Assert.That(info.Name, Is.EqualTo("test-ws"));
            Assert.That(info.Location, Is.EqualTo("eastus2"));
            Assert.That(info.WorkspaceId, Is.EqualTo("8d5f1a5c-1f1e-4c8a-9a55-9ad1c3a1b2c3"));
            Assert.That(info.DiscoveryUrl, Is.EqualTo(new Uri("https://eastus2.api.azureml.ms/discovery")));
            Assert.That(info.MlflowTrackingUri, Does.StartWith("azureml://eastus2.api.azureml.ms/mlflow/v1.0/subscriptions/"));
            Assert.That(info.Sku, Is.EqualTo("Basic"));
            Assert.That(info.Tags["team"], Is.EqualTo("ml"));
            Assert.That(Transport.Requests[0].Header("Authorization"), Is.EqualTo("Bearer " + FakeTokenCredential.Token));
            Assert.That(Credential.Scopes, Is.All.EqualTo("https://management.azure.com/.default"));
        });
    }

    [Test]
    public void Create_SendsABodyTheWorkspaceSchemaAccepts()
    {
        Transport
            .Expect(RequestMethod.Put, WorkspacePath, r =>
            {
                Schemas.AssertValid("Workspace", r);
                return new ScriptedResponse(200, Examples.Read("workspace-get"));
            });

        var request = new WorkspaceCreateRequest
        {
            Location = "eastus2",
            FriendlyName = "Test workspace",
            StorageAccount = $"{RgPath}/providers/Microsoft.Storage/storageAccounts/testsa",
            KeyVault = $"{RgPath}/providers/Microsoft.KeyVault/vaults/testkv",
            Tags = new Dictionary<string, string> { ["team"] = "ml" },
        };
        Run(a => Client.Workspaces.CreateOrUpdateAsync(ResourceGroup, WorkspaceName, WorkspaceConverter.ToResource(request), a, CancellationToken.None));

        var body = Transport.Requests[0].Json();
        Assert.That(body.GetProperty("properties").GetProperty("storageAccount").GetString(), Does.EndWith("/storageAccounts/testsa"));
        Assert.That(body.GetProperty("identity").GetProperty("type").GetString(), Is.EqualTo("SystemAssigned"));
    }

    [Test]
    public void List_FollowsNextLink()
    {
        string page2 = $"https://management.azure.com{RgPath}/providers/Microsoft.MachineLearningServices/workspaces?api-version=2025-12-01&$skip=token-2";
        string one = Examples.Read("workspace-get");
        Transport
            .Expect(RequestMethod.Get, RgPath + "/providers/Microsoft.MachineLearningServices/workspaces", new ScriptedResponse(200, $"{{\"value\":[{one}],\"nextLink\":\"{page2}\"}}"))
            .Expect(RequestMethod.Get, RgPath + "/providers/Microsoft.MachineLearningServices/workspaces", new ScriptedResponse(200, $"{{\"value\":[{one.Replace("\"test-ws\"", "\"other-ws\"")}]}}"));

        var names = All(Client.Workspaces.List(ResourceGroup)).Select(w => w.Name);

        Assert.That(names, Is.EqualTo(new[] { "test-ws", "other-ws" }));
        Assert.That(Transport.Requests[1].Query("$skip"), Is.EqualTo("token-2"));
    }

    [Test]
    public void ListKeys_ParsesTheKeys()
    {
        Transport.Expect(RequestMethod.Post, WorkspacePath + "/listKeys", Examples.Ok("workspace-listKeys"));

        var keys = Run(a => Client.Workspaces.ListKeysAsync(ResourceGroup, WorkspaceName, a, CancellationToken.None));

        Assert.That((keys.UserStorageKey, keys.AppInsightsInstrumentationKey), Is.EqualTo(("STORAGE-KEY-SECRET", "INSTRUMENTATION-KEY")));
    }

    [Test]
    public void WorkspaceGet_PublicApi_ReadsTheWorkspaceThroughTheCallersOptions()
    {
        Transport.Expect(RequestMethod.Get, WorkspacePath, Examples.Ok("workspace-get"));

        Workspace ws = IsAsync
            ? Workspace.GetAsync(WorkspaceName, new TokenCredentialAuthentication(Credential), Subscription, ResourceGroup, NewOptions()).GetAwaiter().GetResult()
            : Workspace.Get(WorkspaceName, Credential, Subscription, ResourceGroup, NewOptions());

        Assert.Multiple(() =>
        {
            Assert.That((ws.Name, ws.SubscriptionId, ws.ResourceGroup, ws.Location), Is.EqualTo(("test-ws", Subscription, ResourceGroup, "eastus2")));
            Assert.That(ws.IsLocal, Is.False);
            Assert.That(ws.DiscoveryUrl, Is.EqualTo("https://eastus2.api.azureml.ms/discovery"));
            Assert.That(ws.GetMlflowTrackingUri(), Does.StartWith("azureml://"));
        });
    }

    [Test]
    public void WorkspaceGet_WithoutResourceGroup_SearchesTheSubscription()
    {
        string sub = $"/subscriptions/{Subscription}/providers/Microsoft.MachineLearningServices/workspaces";
        Transport.Expect(RequestMethod.Get, sub, new ScriptedResponse(200, $"{{\"value\":[{Examples.Read("workspace-get")}]}}"));

        Workspace ws = Workspace.Get("TEST-WS", Credential, Subscription, resourceGroup: null, NewOptions());

        Assert.That(ws.ResourceGroup, Is.EqualTo(ResourceGroup), "the resource group is read from the workspace id");
    }

    [Test]
    public void WorkspaceGet_Missing_NamesTheWorkspace()
    {
        Transport.Expect(RequestMethod.Get, WorkspacePath,
            new ScriptedResponse(404, """{"error":{"code":"ResourceNotFound","message":"The Resource 'Microsoft.MachineLearningServices/workspaces/test-ws' under resource group 'test-rg' was not found."}}"""));

        var ex = Assert.Throws<UserErrorException>(() => Workspace.Get(WorkspaceName, Credential, Subscription, ResourceGroup, NewOptions()));

        Assert.That(ex!.Message, Does.Contain("workspace 'test-ws'").And.Contain("404"));
        Assert.That((ex.ErrorCode, ex.Status), Is.EqualTo(("ResourceNotFound", (int?)404)));
    }

    [Test]
    public void WorkspaceCreate_CreatesTheResourceGroupThenTheWorkspace()
    {
        Transport
            .Expect(RequestMethod.Head, RgPath.Replace("resourceGroups", "resourcegroups"), new ScriptedResponse(404), apiVersion: "2021-04-01")
            .Expect(RequestMethod.Put, RgPath.Replace("resourceGroups", "resourcegroups"), r =>
            {
                Assert.That(r.Json().GetProperty("location").GetString(), Is.EqualTo("eastus2"));
                return new ScriptedResponse(201, """{"name":"test-rg","location":"eastus2"}""");
            }, apiVersion: "2021-04-01")
            .Expect(RequestMethod.Get, WorkspacePath, new ScriptedResponse(404, """{"error":{"code":"ResourceNotFound","message":"not found"}}"""))
            .Expect(RequestMethod.Put, WorkspacePath, r =>
            {
                Schemas.AssertValid("Workspace", r);
                return new ScriptedResponse(200, Examples.Read("workspace-get"));
            });

        Workspace ws = IsAsync
            ? Workspace.CreateAsync(WorkspaceName, Credential, Subscription, ResourceGroup, "eastus2", showOutput: false, options: NewOptions()).GetAwaiter().GetResult()
            : Workspace.Create(WorkspaceName, Credential, Subscription, ResourceGroup, "eastus2", showOutput: false, options: NewOptions());

        Assert.That(ws.Location, Is.EqualTo("eastus2"));
    }

    [Test]
    public void WorkspaceCreate_ExistingWithoutExistOk_IsRefused()
    {
        Transport.Expect(RequestMethod.Get, WorkspacePath, Examples.Ok("workspace-get"));

        var ex = Assert.Throws<UserErrorException>(() =>
            Workspace.Create(WorkspaceName, Credential, Subscription, ResourceGroup, "eastus2", createResourceGroup: false, showOutput: false, options: NewOptions()));

        Assert.That(ex!.Message, Does.Contain("already exists").And.Contain("existOk"));
    }

    [Test]
    public void WorkspaceCreate_BadName_IsRefusedBeforeAnyCall()
    {
        Assert.That(() => Workspace.Create("a", Credential, Subscription, ResourceGroup, "eastus2", options: NewOptions()),
            Throws.TypeOf<UserErrorException>().With.Message.Contains("'a' is not allowed"));
    }

    [Test]
    public void WorkspaceDelete_FollowsTheOperation_AndNoWaitDoesNot()
    {
        string location = $"/subscriptions/{Subscription}/providers/Microsoft.MachineLearningServices/locations/eastus2/workspaceOperationsStatus/del-1";
        Transport
            .Expect(RequestMethod.Get, WorkspacePath, Examples.Ok("workspace-get"))
            .Expect(RequestMethod.Delete, WorkspacePath, new ScriptedResponse(202, null, ("Location", $"https://management.azure.com{location}?api-version=2025-12-01"), ("Retry-After", "15")))
            .Expect(RequestMethod.Get, location, new ScriptedResponse(200, "{}"))
            .Expect(RequestMethod.Delete, WorkspacePath, new ScriptedResponse(202, null, ("Location", $"https://management.azure.com{location}?api-version=2025-12-01")));

        Workspace ws = Workspace.Get(WorkspaceName, Credential, Subscription, ResourceGroup, NewOptions());
        if (IsAsync) ws.DeleteAsync().GetAwaiter().GetResult();
        else ws.Delete();
        ws.Delete(noWait: true);

        Assert.That(Clock.Waits, Is.EqualTo(new[] { TimeSpan.FromSeconds(15) }));
    }

    [Test]
    public void WorkspaceList_GroupsByName()
    {
        string one = Examples.Read("workspace-get");
        Transport.Expect(RequestMethod.Get, RgPath + "/providers/Microsoft.MachineLearningServices/workspaces",
            new ScriptedResponse(200, $"{{\"value\":[{one},{one.Replace("\"test-ws\"", "\"other-ws\"")}]}}"));

        var all = IsAsync
            ? Workspace.ListAsync(Subscription, Credential, ResourceGroup, NewOptions()).GetAwaiter().GetResult()
            : Workspace.List(Subscription, Credential, ResourceGroup, NewOptions());

        Assert.That(all.Keys, Is.EquivalentTo(new[] { "test-ws", "other-ws" }));
        Assert.That(all["test-ws"].Single().Location, Is.EqualTo("eastus2"));
    }

    [Test]
    public void FromConfig_WithAuth_ReadsTheWorkspaceFromResourceManager()
    {
        using var folder = new TestFolder();
        folder.Write(".azureml/config.json", $$"""{"subscription_id": "{{Subscription}}", "resource_group": "{{ResourceGroup}}", "workspace_name": "{{WorkspaceName}}"}""");
        Transport.Expect(RequestMethod.Get, WorkspacePath, Examples.Ok("workspace-get"));

        Workspace ws = Workspace.FromConfig(folder.Path, Credential, options: NewOptions());

        Assert.That(ws.Location, Is.EqualTo("eastus2"));
    }
}
