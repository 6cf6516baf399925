using System.Diagnostics.Tracing;
using Azure.Core;
using Azure.Core.Diagnostics;
using AzureML.Core.Tests.Backends.Azure.Infrastructure;
using NUnit.Framework;

namespace AzureML.Core.Tests.Backends.Azure;

/// <summary>
/// Keys, tokens and SAS signatures never reach Azure.Core's log, even when the caller turns on content logging,
/// nor the SDK's error messages.
/// </summary>
[NonParallelizable]
public class SecretRedactionTests : AzureContractTest
{
    public SecretRedactionTests(bool isAsync) : base(isAsync) { }

    [Test]
    public void WithContentLogging_SecretBodiesAndSasQueriesAreStillNotLogged()
    {
        var log = new List<string>();
        using var listener = new AzureEventSourceListener((e, message) =>
        {
            lock (log) log.Add(message);
        }, EventLevel.Verbose);
        AzureMLClientOptions options = NewOptions();
        options.Diagnostics.IsLoggingContentEnabled = true;
        var client = new Core.Backends.Azure.AzureWorkspaceClient(Scope, new Core.Backends.Azure.Rest.AzureMLPipelines(options, Credential));
        Transport
            .Expect(RequestMethod.Get, Ws("datastores/workspaceblobstore"), Examples.Ok("datastore-get"))
            .Expect(RequestMethod.Post, Ws("datastores/workspaceblobstore/listSecrets"), Examples.Ok("datastore-listSecrets"))
            .Expect(RequestMethod.Post, Ws("onlineEndpoints/iris-svc/listKeys"), Examples.Ok("onlineendpoint-listKeys"))
            .Expect(RequestMethod.Post, Ws("codes/c/versions/1/startPendingUpload"), Examples.Ok("codeversion-startPendingUpload"));

        Run(a => client.Datastores.GetAsync("workspaceblobstore", a, CancellationToken.None));
        Run(a => client.Datastores.ListSecretsAsync("workspaceblobstore", a, CancellationToken.None));
        Run(a => client.OnlineEndpoints.ListKeysAsync("iris-svc", a, CancellationToken.None));
        Run(a => client.Codes.StartPendingUploadAsync("c", "1", a, CancellationToken.None));

        string all;
        lock (log) all = string.Join("\n", log);
        Assert.Multiple(() =>
        {
            Assert.That(all, Does.Contain("azureml-blobstore-8d5f"), "content logging is on for ordinary calls");
            Assert.That(all, Does.Not.Contain("ACCOUNT-KEY-SECRET"));
            Assert.That(all, Does.Not.Contain("PRIMARY-ENDPOINT-KEY"));
            Assert.That(all, Does.Not.Contain("SECRETSIGNATURE"));
            Assert.That(all, Does.Not.Contain(FakeTokenCredential.Token));
        });
    }

    [Test]
    public void FailedLogRead_NamesTheUrlWithoutItsSas()
    {
        Transport.Expect(RequestMethod.Get, "/azureml/run/user_logs/std_log.txt", new ScriptedResponse(403, "AuthenticationFailed"), apiVersion: null);
        var history = new Core.Backends.Azure.Tracking.RunHistoryClient(Pipelines, new Uri("https://eastus2.api.azureml.ms"), Scope);

        var ex = Assert.Throws<AzureMLException>(() => Run(a => history.ReadLogAsync("user_logs/std_log.txt",
            new Uri("https://testsa.blob.core.windows.net/azureml/run/user_logs/std_log.txt?sv=2024&sig=LOGSECRET"), a, CancellationToken.None)));

        Assert.That(ex!.Message, Does.Contain("https://testsa.blob.core.windows.net/azureml/run/user_logs/std_log.txt").And.Not.Contain("LOGSECRET"));
    }
}
