using Azure.Core;
using AzureML.Core.Backends;
using AzureML.Core.Backends.Azure.Datastores;
using AzureML.Core.Tests.Backends.Azure.Infrastructure;
using NUnit.Framework;

namespace AzureML.Core.Tests.Backends.Azure;

/// <summary>Datastores: the default one, get, list, register with a secret, listSecrets.</summary>
public class DatastoreClientTests : AzureContractTest
{
    public DatastoreClientTests(bool isAsync) : base(isAsync) { }

    [Test]
    public void GetDefault_AsksTheServiceForIsDefault_AndParsesTheBlobSettings()
    {
        Transport.Expect(RequestMethod.Get, Ws("datastores"), new ScriptedResponse(200, $"{{\"value\":[{Examples.Read("datastore-get")}]}}"));

        DatastoreRecord record = DatastoreConverter.ToRecord(Run(a => Client.Datastores.GetDefaultAsync(a, CancellationToken.None)));

        Assert.That(Transport.Requests[0].Query("isDefault"), Is.EqualTo("true"));
        Assert.That((record.Name, record.Kind, record.IsDefault, record.CredentialType), Is.EqualTo(("workspaceblobstore", "AzureBlob", true, "AccountKey")));
        Assert.That(DatastoreConverter.ContainerUri(record), Is.EqualTo(new Uri("https://testsa.blob.core.windows.net/azureml-blobstore-8d5f")));
    }

    [Test]
    public void GetDefault_NoneReturned_IsAClearError()
    {
        Transport.Expect(RequestMethod.Get, Ws("datastores"), new ScriptedResponse(200, """{"value":[]}"""));

        Assert.That(() => Run(a => Client.Datastores.GetDefaultAsync(a, CancellationToken.None)),
            Throws.TypeOf<UserErrorException>().With.Message.Contains("has no default datastore"));
    }

    [Test]
    public void Get_List_AndListSecrets()
    {
        Transport
            .Expect(RequestMethod.Get, Ws("datastores/workspaceblobstore"), Examples.Ok("datastore-get"))
            .Expect(RequestMethod.Get, Ws("datastores"), new ScriptedResponse(200, $"{{\"value\":[{Examples.Read("datastore-get")}]}}"))
            .Expect(RequestMethod.Post, Ws("datastores/workspaceblobstore/listSecrets"), Examples.Ok("datastore-listSecrets"));

        var one = Run(a => Client.Datastores.GetAsync("workspaceblobstore", a, CancellationToken.None));
        var all = All(Client.Datastores.List());
        var secrets = Run(a => Client.Datastores.ListSecretsAsync("workspaceblobstore", a, CancellationToken.None));

        Assert.That(one!.Properties!.ContainerName, Is.EqualTo("azureml-blobstore-8d5f"));
        Assert.That(all, Has.Count.EqualTo(1));
        Assert.That((secrets.SecretsType, secrets.Key), Is.EqualTo(("AccountKey", "ACCOUNT-KEY-SECRET")));
        Assert.That(Transport.Requests[2].Body, Is.Empty, "listSecrets has no body in 2025-12-01");
    }

    [Test]
    public void RegisterBlobContainer_WithASas_MatchesTheSchema()
    {
        Transport.Expect(RequestMethod.Put, Ws("datastores/images"), r =>
        {
            Schemas.AssertValid("DatastoreResource.AzureBlob", r);
            return Examples.Ok("datastore-get");
        });
        var record = new DatastoreRecord("images", DatastoreRecord.AzureBlobKind,
            new Dictionary<string, string?> { [DatastoreConverter.AccountName] = "imagesa", [DatastoreConverter.ContainerName] = "raw" }, "Sas", IsDefault: false, default);

        Run(a => Client.Datastores.CreateOrUpdateAsync("images", DatastoreConverter.ToBlobResource(record, "sv=2024&sig=abc"), skipValidation: false, a, CancellationToken.None));

        var credentials = Transport.Requests[0].Json().GetProperty("properties").GetProperty("credentials");
        Assert.That((credentials.GetProperty("credentialsType").GetString(), credentials.GetProperty("secrets").GetProperty("sasToken").GetString()), Is.EqualTo(("Sas", "sv=2024&sig=abc")));
    }

    [Test]
    public void RegisterWithAccountKey_ButNoKey_IsRefused()
    {
        var record = new DatastoreRecord("x", DatastoreRecord.AzureBlobKind, new Dictionary<string, string?>(), "AccountKey", false, default);

        Assert.That(() => DatastoreConverter.ToBlobResource(record, secret: null), Throws.TypeOf<UserErrorException>().With.Message.Contains("no secret"));
    }
}
