using System.Text.Json.Nodes;
using Azure.Core;
using AzureML.Core.Compute;
using AzureML.Core.Tests.Backends.Azure.Infrastructure;
using NUnit.Framework;

namespace AzureML.Core.Tests.Backends.Azure.Service;

/// <summary>
/// Seed lines against a workspace whose Resource Manager refuses a call: the user gets an <see cref="AzureMLException"/>
/// that names the resource, says what to do, and keeps the service's code and status.
/// </summary>
public class ArmRefusalTests
{
    private static FakeResponse ArmError(int status, string code)
        => new(status, new JsonObject { ["error"] = new JsonObject { ["code"] = code, ["message"] = $"Resource Manager says {status}." } });

    private static AzureMLClientOptions Options(FakeAzureMLService service)
    {
        var options = new AzureMLClientOptions { Transport = service };
        options.Clock = new FakeClock();
        return options;
    }

    private static Workspace Open(FakeAzureMLService service)
        => Workspace.Get(AzureContractTest.WorkspaceName, auth: new FakeTokenCredential(), subscriptionId: AzureContractTest.Subscription,
            resourceGroup: AzureContractTest.ResourceGroup, options: Options(service));

    [Test]
    public void ExpiredSignIn_OnTheWorkspace_SaysToSignInAgain()
    {
        var service = new FakeAzureMLService { Refuse = r => r.Path == AzureContractTest.WorkspacePath ? ArmError(401, "InvalidAuthenticationToken") : null };

        var ex = Assert.Catch<AzureMLException>(() => Open(service));

        Assert.That((ex!.ErrorCode, ex.Status), Is.EqualTo(("InvalidAuthenticationToken", (int?)401)));
        Assert.That(ex.Message, Does.Contain(AzureContractTest.WorkspaceName).And.Contain("sign in again"));
    }

    [Test]
    public void NoPermissionOnACluster_IsAComputeTargetExceptionNamingIt()
    {
        var service = new FakeAzureMLService { Refuse = r => r.Path.EndsWith("/computes/heart-f-cluster", StringComparison.Ordinal) ? ArmError(403, "AuthorizationFailed") : null };
        Workspace ws = Open(service);

        var ex = Assert.Throws<ComputeTargetException>(() => _ = new AmlCompute(ws, "heart-f-cluster"));

        Assert.That((ex!.ErrorCode, ex.Status), Is.EqualTo(("AuthorizationFailed", (int?)403)));
        Assert.That(ex.Message, Does.Contain("compute 'heart-f-cluster'").And.Contain("permission"));
        Assert.That(ex.InnerException, Is.InstanceOf<global::Azure.RequestFailedException>());
    }

    [Test]
    public void AConflictingOperation_OnCreate_SaysSo()
    {
        var service = new FakeAzureMLService { Refuse = r => r.Method == RequestMethod.Put && r.Path.EndsWith("/computes/cpu-cluster", StringComparison.Ordinal) ? ArmError(409, "Conflict") : null };
        Workspace ws = Open(service);

        var ex = Assert.Throws<ComputeTargetException>(() => ComputeTarget.Create(ws, "cpu-cluster", AmlCompute.ProvisioningConfiguration(vmSize: "Standard_D2_v2", maxNodes: 1)));

        Assert.That((ex!.ErrorCode, ex.Status), Is.EqualTo(("Conflict", (int?)409)));
        Assert.That(ex.Message, Does.Contain("compute 'cpu-cluster'").And.Contain("Another operation"));
    }

    [Test]
    public void AMissingModel_IsModelNotFound()
    {
        Workspace ws = Open(new FakeAzureMLService());

        var ex = Assert.Throws<ModelNotFoundException>(() => _ = new Model(ws, "sklearn-iris"));

        Assert.That(ex!.ErrorCode, Is.EqualTo(AzureMLErrorCode.ResourceNotFound));
        Assert.That(ex.Message, Does.Contain("sklearn-iris"));
    }
}
