using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Identity;
using AzureML.Core.Authentication;
using NUnit.Framework;

namespace AzureML.Core.Tests;

/// <summary>
/// The guard itself: a request for a non-loopback host fails at once and is recorded, loopback ones go through, and the
/// default credential chain gives up without trying a source that could leave the machine.
/// </summary>
[NonParallelizable]
public class NetworkGuardTests
{
    [Test]
    public void RequestsOffTheMachine_FailAndAreRecorded()
    {
        HttpPipeline pipeline = HttpPipelineBuilder.Build(new AzureMLClientOptions());
        using HttpMessage message = pipeline.CreateMessage();
        message.Request.Method = RequestMethod.Get;
        message.Request.Uri.Reset(new Uri("https://management.azure.com/guard-self-test"));

        try
        {
            Assert.That(() => pipeline.Send(message, CancellationToken.None), Throws.Exception);
            Assert.That(NetworkGuard.Blocked.Select(u => u.AbsolutePath), Does.Contain("/guard-self-test"));
        }
        finally
        {
            NetworkGuard.Forget(u => u.AbsolutePath == "/guard-self-test");
        }
    }

    [Test]
    public void DefaultAuthentication_FailsAtOnceWithoutProbingTheNetwork()
    {
        int blockedBefore = NetworkGuard.Blocked.Count;
        TokenCredential credential = new DefaultAuthentication().GetTokenCredential(AzureMLCloud.AzureCloud);

        Assert.That(() => credential.GetToken(new TokenRequestContext(["https://management.azure.com/.default"]), CancellationToken.None),
            Throws.InstanceOf<CredentialUnavailableException>().With.Message.Contains(NetworkGuard.DefaultChain)
                .And.Message.Not.Contains("ManagedIdentityCredential").And.Message.Not.Contains("AzureCliCredential"));
        Assert.That(NetworkGuard.Blocked, Has.Count.EqualTo(blockedBefore));
    }
}
