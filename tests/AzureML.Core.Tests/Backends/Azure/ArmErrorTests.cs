using Azure;
using Azure.Core;
using AzureML.Core.Tests.Backends.Azure.Infrastructure;
using NUnit.Framework;

namespace AzureML.Core.Tests.Backends.Azure;

/// <summary>Resource Manager failures become the SDK's exceptions: code, status, the resource named, what to do, and the service error inside.</summary>
public class ArmErrorTests : AzureContractTest
{
    public ArmErrorTests(bool isAsync) : base(isAsync) { }

    [TestCase(401, "InvalidAuthenticationToken", "sign in again")]
    [TestCase(403, "AuthorizationFailed", "permission")]
    [TestCase(404, "ResourceNotFound", "Check the name of the compute")]
    [TestCase(409, "Conflict", "Another operation")]
    public void ComputeFailures_NameTheCompute_AndKeepTheArmError(int status, string code, string advice)
    {
        Transport.Expect(RequestMethod.Put, Ws("computes/cpu-cluster"),
            new ScriptedResponse(status, $$$"""{"error":{"code":"{{{code}}}","message":"Service says {{{status}}}.","target":"computeName"}}"""));

        var ex = Assert.Throws<ComputeTargetException>(() => Run(a => Client.Computes.CreateOrUpdateAsync("cpu-cluster",
            new Core.Backends.Azure.Rest.ArmResource<Core.Backends.Azure.Compute.ComputeProperties>(), a, CancellationToken.None)));

        Assert.Multiple(() =>
        {
            Assert.That(ex!.ErrorCode, Is.EqualTo(code));
            Assert.That(ex.Status, Is.EqualTo(status));
            Assert.That(ex.Message, Does.Contain("compute 'cpu-cluster'").And.Contain($"workspace '{WorkspaceName}'").And.Contain(advice).And.Contain("target 'computeName'"));
            var inner = (RequestFailedException)ex.InnerException!;
            Assert.That((inner.Status, inner.ErrorCode), Is.EqualTo((status, code)));
            Assert.That(inner.Message, Does.Contain($"Service says {status}."));
        });
    }

    [Test]
    public void ModelFailure_WithoutAnArmBody_StillHasACodeAndStatus()
    {
        Transport.Expect(RequestMethod.Put, Ws("models/m/versions/1"), new ScriptedResponse(403, "<html>denied</html>"));

        var ex = Assert.Throws<AzureMLException>(() => Run(a => Client.Models.CreateOrUpdateVersionAsync("m", "1",
            new Core.Backends.Azure.Rest.ArmResource<Core.Backends.Azure.Assets.ModelVersionProperties>(), a, CancellationToken.None)));

        Assert.That((ex!.ErrorCode, ex.Status), Is.EqualTo((AzureMLErrorCode.AuthorizationFailed, (int?)403)));
        Assert.That(ex.Message, Does.Contain("model 'm' version 1"));
    }
}
