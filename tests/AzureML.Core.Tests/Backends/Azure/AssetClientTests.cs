using Azure.Core;
using AzureML.Core.Backends;
using AzureML.Core.Backends.Azure.Assets;
using AzureML.Core.Backends.Azure.Rest;
using AzureML.Core.Data;
using AzureML.Core.Tests.Backends.Azure.Infrastructure;
using NUnit.Framework;

namespace AzureML.Core.Tests.Backends.Azure;

/// <summary>Code, environment, model and data assets: request bodies against their schemas, example payloads parsed into records.</summary>
public class AssetClientTests : AzureContractTest
{
    public AssetClientTests(bool isAsync) : base(isAsync) { }

    [Test]
    public void StartPendingUpload_AsksForATemporaryBlobReference_AndReturnsTheSas()
    {
        Transport.Expect(RequestMethod.Post, Ws("codes/train-sklearn/versions/1/startPendingUpload"), r =>
        {
            Schemas.AssertValid("PendingUploadRequestDto", r);
            return Examples.Ok("codeversion-startPendingUpload");
        });

        PendingUploadResponse upload = Run(a => Client.Codes.StartPendingUploadAsync("train-sklearn", "1", a, CancellationToken.None));

        Assert.That(Transport.Requests[0].Json().GetProperty("pendingUploadType").GetString(), Is.EqualTo("TemporaryBlobReference"));
        Assert.That(upload.BlobReferenceForConsumption!.BlobUri, Does.EndWith("/LocalUpload/abc123"));
        Assert.That(upload.BlobReferenceForConsumption.Credential!.SasUri, Does.Contain("sig="));
    }

    [Test]
    public void CodeVersion_PutMatchesTheSchema()
    {
        Transport.Expect(RequestMethod.Put, Ws("codes/train-sklearn/versions/1"), r =>
        {
            Schemas.AssertValid("CodeVersionResource", r);
            return Examples.Created("codeversion-createOrUpdate");
        });

        var body = new ArmResource<CodeVersionProperties> { Properties = new CodeVersionProperties { CodeUri = "https://testsa.blob.core.windows.net/c/LocalUpload/abc123", IsAnonymous = true } };
        Run(a => Client.Codes.CreateOrUpdateVersionAsync("train-sklearn", "1", body, a, CancellationToken.None));
    }

    [Test]
    public void EnvironmentVersion_PutCarriesImageAndCondaContent_AndParsesBack()
    {
        var environment = new Environment("sklearn-env");
        environment.Python.CondaDependencies = CondaDependencies.Create(pipPackages: new[] { "scikit-learn==1.5.0" });
        Transport
            .Expect(RequestMethod.Put, Ws("environments/sklearn-env/versions/3"), r =>
            {
                Schemas.AssertValid("EnvironmentVersionResource", r);
                return Examples.Created("environmentversion-get");
            })
            .Expect(RequestMethod.Get, Ws("environments/sklearn-env/versions/3"), Examples.Ok("environmentversion-get"));

        Run(a => Client.Environments.CreateOrUpdateVersionAsync("sklearn-env", "3", EnvironmentConverter.ToResource(environment), a, CancellationToken.None));
        var got = Run(a => Client.Environments.GetVersionAsync("sklearn-env", "3", a, CancellationToken.None))!;
        EnvironmentRecord record = EnvironmentConverter.ToRecord("sklearn-env", got);
        Environment parsed = EnvironmentJson.Deserialize(record.DefinitionJson);

        var sent = Transport.Requests[0].Json().GetProperty("properties");
        Assert.Multiple(() =>
        {
            Assert.That(sent.GetProperty("image").GetString(), Is.EqualTo(DockerSection.DefaultCpuImage));
            Assert.That(sent.GetProperty("condaFile").GetString(), Does.Contain("scikit-learn==1.5.0"));
            Assert.That((record.Name, record.Version), Is.EqualTo(("sklearn-env", "3")));
            Assert.That(parsed.Docker.BaseImage, Is.EqualTo("mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu22.04:latest"));
            Assert.That(parsed.Python.CondaDependencies!.SerializeToString(), Does.Contain("scikit-learn==1.5.0"));
        });
    }

    [Test]
    public void ModelContainer_GivesNextVersion_AndAMissingContainerIsNull()
    {
        Transport
            .Expect(RequestMethod.Get, Ws("models/sklearn-iris"), Examples.Ok("modelcontainer-get"))
            .Expect(RequestMethod.Get, Ws("models/new-model"), new ScriptedResponse(404, """{"error":{"code":"UserError","message":"Not found"}}"""));

        var container = Run(a => Client.Models.GetContainerAsync("sklearn-iris", a, CancellationToken.None));
        var missing = Run(a => Client.Models.GetContainerAsync("new-model", a, CancellationToken.None));

        Assert.That((container!.Properties!.LatestVersion, container.Properties.NextVersion), Is.EqualTo(("4", "5")));
        Assert.That(missing, Is.Null);
    }

    [Test]
    public void ModelVersion_RegistrationMatchesTheSchema_AndTheExampleParsesIntoARecord()
    {
        var registration = new ModelRegistration
        {
            Name = "sklearn-iris", Files = Array.Empty<ModelFileSource>(), Framework = "ScikitLearn", FrameworkVersion = "1.5.0", RunId = "train-sklearn_1700000000_abcd",
            Description = "svc", Tags = new Dictionary<string, string> { ["area"] = "iris" }, ResourceConfiguration = new ResourceConfiguration(cpu: 1, memoryInGB: 2),
        };
        string uri = Scope.DatastoreUri("workspaceblobstore", "models/sklearn-iris/5");
        Transport
            .Expect(RequestMethod.Put, Ws("models/sklearn-iris/versions/5"), r =>
            {
                Schemas.AssertValid("ModelVersionResource", r);
                return Examples.Created("modelversion-get");
            })
            .Expect(RequestMethod.Get, Ws("models/sklearn-iris/versions/4"), Examples.Ok("modelversion-get"));

        Run(a => Client.Models.CreateOrUpdateVersionAsync("sklearn-iris", "5", ModelConverter.ToResource(registration, uri, new[] { "model.joblib" }), a, CancellationToken.None));
        ModelRecord record = ModelConverter.ToRecord("sklearn-iris", Run(a => Client.Models.GetVersionAsync("sklearn-iris", "4", a, CancellationToken.None))!);

        var sent = Transport.Requests[0].Json().GetProperty("properties");
        Assert.Multiple(() =>
        {
            Assert.That(sent.GetProperty("modelUri").GetString(), Is.EqualTo(
                $"azureml://subscriptions/{Subscription}/resourcegroups/{ResourceGroup}/workspaces/{WorkspaceName}/datastores/workspaceblobstore/paths/models/sklearn-iris/5"));
            Assert.That(sent.GetProperty("jobName").GetString(), Is.EqualTo("train-sklearn_1700000000_abcd"));
            Assert.That((record.Version, record.Framework, record.FrameworkVersion, record.RunId), Is.EqualTo((4, "ScikitLearn", "1.5.0", "train-sklearn_1700000000_abcd")));
            Assert.That(record.Files, Is.EqualTo(new[] { "model.joblib" }));
            Assert.That(record.Tags["area"], Is.EqualTo("iris"));
            Assert.That(record.Properties.Keys, Is.EqualTo(new[] { "owner" }), "the SDK's own bookkeeping properties are not user properties");
            Assert.That(record.Url, Does.StartWith("azureml://"));
        });
    }

    [Test]
    public void ModelVersions_ListSendsServerSideFilters_AndDeleteSaysWhetherItExisted()
    {
        Transport
            .Expect(RequestMethod.Get, Ws("models/sklearn-iris/versions"), new ScriptedResponse(200, $"{{\"value\":[{Examples.Read("modelversion-get")}]}}"))
            .Expect(RequestMethod.Delete, Ws("models/sklearn-iris/versions/4"), new ScriptedResponse(200))
            .Expect(RequestMethod.Delete, Ws("models/sklearn-iris/versions/9"), new ScriptedResponse(204));

        var versions = All(Client.Models.ListVersions("sklearn-iris", new AssetListOptions { OrderBy = "createdtime desc", Top = 1, Tags = "area=iris" }));
        bool deleted = Run(a => Client.Models.DeleteVersionAsync("sklearn-iris", "4", a, CancellationToken.None));
        bool absent = Run(a => Client.Models.DeleteVersionAsync("sklearn-iris", "9", a, CancellationToken.None));

        RecordedRequest list = Transport.Requests[0];
        Assert.That((list.Query("$orderBy"), list.Query("$top"), list.Query("tags")), Is.EqualTo(("createdtime desc", "1", "area=iris")));
        Assert.That(versions, Has.Count.EqualTo(1));
        Assert.That((deleted, absent), Is.EqualTo((true, false)));
    }

    [Test]
    public void DataVersion_TabularRegistrationIsAnMLTable_AndTheExampleParses()
    {
        var definition = new DatasetDefinition
        {
            DatasetType = DatasetDefinition.TabularType,
            Sources = [new DatasetSource { Kind = DatasetSource.DatastoreKind, Datastore = "workspaceblobstore", Path = "data/heart.csv" }],
        };
        var registration = new DatasetRegistration("heart-failure-records", DatasetDefinition.TabularType, definition.ToJson(), "heart failure",
            new Dictionary<string, string> { ["source"] = "uci" }, CreateNewVersion: true);
        Transport
            .Expect(RequestMethod.Put, Ws("data/heart-failure-records/versions/2"), r =>
            {
                Schemas.AssertValid("DataVersionBaseResource", r);
                return Examples.Created("dataversion-get");
            })
            .Expect(RequestMethod.Get, Ws("data/heart-failure-records/versions/2"), Examples.Ok("dataversion-get"));

        Run(a => Client.Data.CreateOrUpdateVersionAsync("heart-failure-records", "2",
            DatasetConverter.ToResource(registration, "azureml://datastores/workspaceblobstore/paths/data/", singleFile: false), a, CancellationToken.None));
        DatasetRecord record = DatasetConverter.ToRecord("heart-failure-records", Run(a => Client.Data.GetVersionAsync("heart-failure-records", "2", a, CancellationToken.None))!);

        Assert.That(Transport.Requests[0].Json().GetProperty("properties").GetProperty("dataType").GetString(), Is.EqualTo("uri_folder"),
            "a dataset is a uri_file or uri_folder: an mltable needs an MLTable file beside the data");
        Assert.That((record.Name, record.Version, record.DatasetType), Is.EqualTo(("heart-failure-records", 2L, DatasetDefinition.FileType)),
            "a data asset registered elsewhere (uri_file, no SDK definition) reads as a file dataset");
        Assert.That(DatasetDefinition.FromJson(record.DefinitionJson, "test").Sources.Single().Path, Is.EqualTo("azureml://datastores/workspaceblobstore/paths/data/heart.csv"));
    }

    [Test]
    public void RegistryEnvironment_IsFoundThroughRegistryDiscovery_AndReadFromTheRegistryHost()
    {
        const string registry = "/mferp/managementfrontend/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/registry-rg/providers/Microsoft.MachineLearningServices/registries/azureml";
        ExpectDiscovery();
        Transport
            .Expect(RequestMethod.Get, "/registrymanagement/v1.0/registries/azureml/discovery", r =>
            {
                Assert.That(r.Uri.Host, Is.EqualTo("eastus2.api.azureml.ms"), "registry discovery goes to the workspace's API host");
                Assert.That(r.Header("Authorization"), Is.EqualTo("Bearer " + FakeTokenCredential.Token));
                return Examples.Ok("registry-discovery");
            }, apiVersion: null)
            .Expect(RequestMethod.Get, registry + "/environments/sklearn-1.5/versions/7", r =>
            {
                Assert.That(r.Uri.Host, Is.EqualTo("cert-eastus.experiments.azureml.net"), "registry assets are read where discovery says");
                return Examples.Ok("environmentversion-get");
            }, apiVersion: "2021-10-01-dataplanepreview");

        var environments = Run(a => Client.GetRegistryEnvironmentsAsync("azureml", a, CancellationToken.None));
        var version = Run(a => environments.GetVersionAsync("sklearn-1.5", "7", a, CancellationToken.None));
        var again = Run(a => Client.GetRegistryEnvironmentsAsync("azureml", a, CancellationToken.None));

        Assert.That(version!.Properties!.Image, Does.StartWith("mcr.microsoft.com/azureml/"));
        Assert.That(again, Is.SameAs(environments), "a registry is discovered once");
        Assert.That(Core.Backends.Azure.AzureWorkspaceClient.RegistryEnvironmentId("azureml", "sklearn-1.5", "7"),
            Is.EqualTo("azureml://registries/azureml/environments/sklearn-1.5/versions/7"));
    }
}
