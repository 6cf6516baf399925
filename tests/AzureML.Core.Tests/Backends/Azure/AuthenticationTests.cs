using Azure.Core;
using Azure.Identity;
using AzureML.Core.Authentication;
using AzureML.Core.Tests.Backends.Azure.Infrastructure;
using NUnit.Framework;

namespace AzureML.Core.Tests.Backends.Azure;

/// <summary>Which Azure.Identity credential each authentication builds, for which cloud; nothing here asks for a token.</summary>
public class AuthenticationTests
{
    [Test]
    public void EachAuthentication_BuildsItsCredential()
    {
        AzureMLCloud cloud = AzureMLCloud.AzureCloud;
        Assert.Multiple(() =>
        {
            Assert.That(new ServicePrincipalAuthentication("tenant", "app", "secret").GetTokenCredential(cloud), Is.TypeOf<ClientSecretCredential>());
            Assert.That(new MsiAuthentication().GetTokenCredential(cloud), Is.TypeOf<ManagedIdentityCredential>());
            Assert.That(new MsiAuthentication(clientId: "client").GetTokenCredential(cloud), Is.TypeOf<ManagedIdentityCredential>());
            Assert.That(new AzureCliAuthentication().GetTokenCredential(cloud), Is.TypeOf<AzureCliCredential>());
            Assert.That(new InteractiveLoginAuthentication().GetTokenCredential(cloud), Is.TypeOf<InteractiveBrowserCredential>());
            Assert.That(new InteractiveLoginAuthentication(useDeviceCode: true).GetTokenCredential(cloud), Is.TypeOf<DeviceCodeCredential>());
            Assert.That(new DefaultAuthentication().GetTokenCredential(cloud), Is.TypeOf<DefaultAzureCredential>());
        });
    }

    [Test]
    public void AnyTokenCredential_ConvertsImplicitly_AndIsUsedAsItIs()
    {
        var credential = new FakeTokenCredential();
        AbstractAuthentication auth = credential;

        Assert.That(auth.GetTokenCredential(AzureMLCloud.AzureChinaCloud), Is.SameAs(credential));
    }

    [Test]
    public void TheCredential_IsCreatedOncePerCloud_SoItsTokenCacheLives()
    {
        var auth = new ServicePrincipalAuthentication("tenant", "app", "secret");

        TokenCredential first = auth.GetTokenCredential(AzureMLCloud.AzureCloud);
        TokenCredential second = auth.GetTokenCredential(AzureMLCloud.AzureCloud);

        Assert.That(second, Is.SameAs(first));
        Assert.That(auth.GetTokenCredential(AzureMLCloud.AzureUSGovernment), Is.Not.SameAs(first));
    }

    [Test]
    public void ServicePrincipal_NeverPrintsItsSecret()
        => Assert.That(new ServicePrincipalAuthentication("tenant", "app", "s3cr3t-value").ToString(), Does.Not.Contain("s3cr3t-value").And.Contain("app"));

    [Test]
    public void ServicePrincipal_MissingPieces_AreArgumentErrors()
        => Assert.That(() => new ServicePrincipalAuthentication("tenant", "", "secret"), Throws.ArgumentException.With.Message.Contains("servicePrincipalId"));

    [TestCase("AzureCloud", "https://management.azure.com/", "https://login.microsoftonline.com/")]
    [TestCase("azurechinacloud", "https://management.chinacloudapi.cn/", "https://login.chinacloudapi.cn/")]
    [TestCase("AzureUSGovernment", "https://management.usgovcloudapi.net/", "https://login.microsoftonline.us/")]
    public void SovereignClouds_HaveTheirEndpointsAndAuthorities(string name, string arm, string authority)
    {
        AzureMLCloud cloud = AzureMLCloud.FromName(name);

        Assert.That((cloud.ResourceManagerEndpoint.ToString(), cloud.AuthorityHost.ToString()), Is.EqualTo((arm, authority)));
        Assert.That(cloud.ResourceManagerScope, Is.EqualTo(arm.TrimEnd('/') + "/.default"));
    }

    [Test]
    public void UnknownCloudName_ListsTheKnownOnes()
        => Assert.That(() => AzureMLCloud.FromName("AzureGermanCloud"), Throws.TypeOf<UserErrorException>().With.Message.Contains("AzureChinaCloud"));

    [Test]
    public void CustomCloud_SendsRequestsToItsEndpoint_WithItsAudience()
    {
        var transport = new ScriptedTransport();
        var credential = new FakeTokenCredential();
        var cloud = new AzureMLCloud("AzureStackHub", new Uri("https://management.local.azurestack.external/"), "https://management.azurestackhub.local/abc",
            new Uri("https://login.local.azurestack.external/"));
        var options = new AzureMLClientOptions { Transport = transport, Cloud = cloud };
        transport.Expect(RequestMethod.Get, AzureContractTest.WorkspacePath, r =>
        {
            Assert.That(r.Uri.Host, Is.EqualTo("management.local.azurestack.external"));
            return Examples.Ok("workspace-get");
        });

        Workspace.Get(AzureContractTest.WorkspaceName, credential, AzureContractTest.Subscription, AzureContractTest.ResourceGroup, options);

        Assert.That(credential.Scopes, Is.EqualTo(new[] { "https://management.azurestackhub.local/abc/.default" }));
        transport.AssertDone();
    }

    [Test]
    public void CloudEndpoints_MustBeHttps()
        => Assert.That(() => new AzureMLCloud("x", new Uri("http://management.example.com/"), "aud", new Uri("https://login.example.com/")),
            Throws.ArgumentException.With.Message.Contains("https"));

    [Test]
    public void Options_DefaultToTheNewestCheckedApiVersion_AndLetOlderOnesBeChosen()
    {
        Assert.That(new AzureMLClientOptions().ApiVersion, Is.EqualTo("2025-12-01"));
        Assert.That(new AzureMLClientOptions(AzureMLClientOptions.ServiceVersion.V2025_09_01).ApiVersion, Is.EqualTo("2025-09-01"));
        Assert.That(new AzureMLClientOptions().Cloud, Is.SameAs(AzureMLCloud.AzureCloud));
    }

    [Test]
    public void OlderApiVersion_IsWhatRequestsCarry()
    {
        var transport = new ScriptedTransport();
        transport.Expect(RequestMethod.Get, AzureContractTest.WorkspacePath, Examples.Ok("workspace-get"), apiVersion: "2025-09-01");

        Workspace.Get(AzureContractTest.WorkspaceName, new FakeTokenCredential(), AzureContractTest.Subscription, AzureContractTest.ResourceGroup,
            new AzureMLClientOptions(AzureMLClientOptions.ServiceVersion.V2025_09_01) { Transport = transport });

        transport.AssertDone();
    }
}
