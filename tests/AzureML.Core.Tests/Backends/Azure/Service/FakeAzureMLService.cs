using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Azure.Core;
using Azure.Core.Pipeline;
using AzureML.Core.Tests.Backends.Azure.Blobs;
using AzureML.Core.Tests.Backends.Azure.Infrastructure;
using NUnit.Framework;

namespace AzureML.Core.Tests.Backends.Azure.Service;

/// <summary>
/// An Azure ML workspace in memory, behind an <see cref="HttpPipelineTransport"/>: Resource Manager (computes, codes,
/// environments, models, data, datastores, jobs, online endpoints), discovery, registry discovery, run history, MLflow
/// tracking and scoring, answering as the service's documents say. Blob traffic goes to a real Azurite when one is
/// given (a datastore's <c>{account}.blob.core.windows.net</c> host is mapped onto it). Every request is recorded, every
/// body the spec has a schema for is validated, and anything the fake does not know fails the test.
/// </summary>
internal sealed partial class FakeAzureMLService : HttpPipelineTransport
{
    public const string Region = "eastus2";
    public const string ApiHost = "eastus2.api.azureml.ms";
    public const string ArtifactContainer = "azureml";
    public const string BlobContainer = "azureml-blobstore-test";
    public const string CodeContainer = "code-uploads";

    private readonly object _gate = new();
    private readonly AzuriteServer? _azurite;
    private readonly HttpClientTransport _forward = new();
    private readonly List<FakeRequest> _requests = new();
    private readonly List<string> _failures = new();
    private readonly Dictionary<string, JsonObject> _computes = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, SortedDictionary<int, JsonObject>> _assets = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JsonObject> _codes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JsonObject> _datastores = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FakeJob> _jobs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JsonObject> _endpoints = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JsonObject> _deployments = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Primary, string Secondary)> _keys = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _provisioningPolls = new(StringComparer.Ordinal);
    private readonly FakeMlflow _mlflow = new();
    private readonly Dictionary<string, JsonObject> _registryEnvironments = new(StringComparer.Ordinal);

    public FakeAzureMLService(AzuriteServer? azurite = null)
    {
        _azurite = azurite;
        AddDatastore("workspaceblobstore", BlobContainer, isDefault: true);
        AddDatastore("workspaceartifactstore", ArtifactContainer, isDefault: false);
    }

    /// <summary>The workspace's resource id.</summary>
    public string WorkspacePath => AzureContractTest.WorkspacePath;

    /// <summary>Every request, in order.</summary>
    public IReadOnlyList<FakeRequest> Requests
    {
        get
        {
            lock (_gate) return _requests.ToList();
        }
    }

    /// <summary>Runs when a job is submitted, to script what it does (statuses, log lines, outputs, metrics).</summary>
    public Action<FakeJob>? OnJobSubmitted { get; set; }

    /// <summary>Answers a scoring request of an endpoint; default an echo of the body.</summary>
    public Func<string, string, string> Score { get; set; } = (_, body) => body;

    /// <summary>How many polls a compute or online deployment stays <c>Creating</c> before it succeeds.</summary>
    public int ProvisioningPolls { get; set; } = 1;

    /// <summary>How many items a Resource Manager list answers per page; the rest follow through <c>nextLink</c>.</summary>
    public int PageSize { get; set; } = 2;

    /// <summary>Answers a request instead of the service when it returns a response (to script a refusal).</summary>
    public Func<FakeRequest, FakeResponse?>? Refuse { get; set; }

    /// <summary>The bearer token every Resource Manager and data-plane call must carry.</summary>
    public string Token { get; set; } = FakeTokenCredential.Token;

    /// <summary>The MLflow tracking state (experiments, runs, metrics).</summary>
    public FakeMlflow Mlflow => _mlflow;

    /// <summary>A job the SDK submitted.</summary>
    public FakeJob Job(string name)
    {
        lock (_gate) return _jobs[name];
    }

    /// <summary>The names of submitted jobs, in order.</summary>
    public IReadOnlyList<string> JobNames
    {
        get
        {
            lock (_gate) return _jobs.Keys.ToList();
        }
    }

    /// <summary>A curated environment of the <c>azureml</c> registry.</summary>
    public void AddCuratedEnvironment(string name, string version, string image)
    {
        lock (_gate)
        {
            _registryEnvironments[$"{name}/{version}"] = new JsonObject
            {
                ["id"] = $"azureml://registries/azureml/environments/{name}/versions/{version}",
                ["name"] = version,
                ["properties"] = new JsonObject { ["image"] = image, ["osType"] = "Linux", ["isAnonymous"] = false },
            };
        }
    }

    /// <summary>Writes a blob as a job would (into the artifact store, under <c>ExperimentRun/dcid.{run}/</c>), behind the SDK's back.</summary>
    public void WriteRunFile(string runId, string name, byte[] content)
        => RequireAzurite().Container(ArtifactContainer).GetBlobClient($"ExperimentRun/dcid.{runId}/{name}").Upload(new BinaryData(content), overwrite: true);

    /// <summary>Fails unless every request was one the fake knows.</summary>
    public void AssertNoFailures()
    {
        lock (_gate) Assert.That(_failures, Is.Empty, "Requests the fake service refused");
    }

    /// <summary>The requests, as <c>METHOD host/path</c> lines without query, for sequence assertions.</summary>
    public IReadOnlyList<string> Calls(Func<FakeRequest, bool>? which = null)
        => Requests.Where(which ?? (_ => true)).Select(r => r.ToString()).ToList();

    public override Request CreateRequest() => _forward.CreateRequest();

    public override void Process(HttpMessage message) => Handle(message, isAsync: false);

    public override ValueTask ProcessAsync(HttpMessage message)
    {
        Handle(message, isAsync: true);
        return default;
    }

    private void Handle(HttpMessage message, bool isAsync)
    {
        Uri uri = message.Request.Uri.ToUri();
        byte[] body = ReadBody(message.Request);
        var request = new FakeRequest(message.Request.Method, uri, Headers(message.Request), body, isAsync);
        lock (_gate) _requests.Add(request);
        if (IsBlob(uri))
        {
            Forward(message, uri);
            return;
        }

        try
        {
            FakeResponse response;
            lock (_gate) response = Refuse?.Invoke(request) ?? Paged(request, Route(request));
            message.Response = response.ToScripted();
        }
        catch (AssertionException ex)
        {
            lock (_gate) _failures.Add($"{request}: {ex.Message}");
            message.Response = new ScriptedResponse(500, $"{{\"error\":{{\"code\":\"FakeRefused\",\"message\":{JsonSerializer.Serialize(ex.Message)}}}}}");
        }
    }

    // Resource Manager lists come in pages of PageSize, the next one addressed by $skipToken as the service does.
    private FakeResponse Paged(FakeRequest request, FakeResponse response)
    {
        if (request.Uri.Host != "management.azure.com" || response.Body is not JsonObject body || body["value"] is not JsonArray all) return response;
        int skip = request.Query("$skipToken") is { } token ? int.Parse(token, CultureInfo.InvariantCulture) : 0;
        var page = new JsonObject { ["value"] = new JsonArray(all.Skip(skip).Take(PageSize).Select(item => item?.DeepClone()).ToArray()) };
        if (skip + PageSize < all.Count)
        {
            IEnumerable<string> query = request.Uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
                .Where(pair => !Uri.UnescapeDataString(pair).StartsWith("$skipToken=", StringComparison.Ordinal))
                .Append("$skipToken=" + (skip + PageSize).ToString(CultureInfo.InvariantCulture));
            page["nextLink"] = new UriBuilder(request.Uri) { Query = string.Join("&", query) }.Uri.AbsoluteUri;
        }

        return response with { Body = page };
    }

    private bool IsBlob(Uri uri) => uri.Host == "127.0.0.1" || uri.Host.EndsWith(".blob.core.windows.net", StringComparison.Ordinal) && uri.Host != "logs.blob.core.windows.net";

    // Datastores name their host as Azure does ({account}.blob.core.windows.net); Azurite serves that account by path.
    private void Forward(HttpMessage message, Uri uri)
    {
        AzuriteServer azurite = RequireAzurite();
        if (uri.Host != "127.0.0.1")
        {
            string account = uri.Host[..uri.Host.IndexOf('.')];
            message.Request.Uri.Reset(new Uri($"{azurite.BlobEndpoint.GetLeftPart(UriPartial.Authority)}/{account}{uri.PathAndQuery}"));
        }

        _forward.Process(message);
    }

    private AzuriteServer RequireAzurite() => _azurite ?? throw new AssertionException("This test sent blob traffic, but its fake service has no Azurite.");

    private void AddDatastore(string name, string container, bool isDefault)
    {
        string? sas = null;
        if (_azurite is not null) sas = _azurite.CreateContainerWithSas(container).Query.TrimStart('?');
        _datastores[name] = new JsonObject
        {
            ["id"] = $"{WorkspacePath}/datastores/{name}",
            ["name"] = name,
            ["type"] = "Microsoft.MachineLearningServices/workspaces/datastores",
            ["properties"] = new JsonObject
            {
                ["datastoreType"] = "AzureBlob",
                ["accountName"] = AzuriteServer.AccountName,
                ["containerName"] = container,
                ["endpoint"] = "core.windows.net",
                ["protocol"] = "https",
                ["isDefault"] = isDefault,
                ["credentials"] = new JsonObject { ["credentialsType"] = "Sas" },
            },
            ["secret"] = sas,
        };
    }

    private static byte[] ReadBody(Request request)
    {
        if (request.Content is not { } content) return Array.Empty<byte>();
        using var buffer = new MemoryStream();
        content.WriteTo(buffer, CancellationToken.None);
        return buffer.ToArray();
    }

    private static Dictionary<string, string> Headers(Request request)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (HttpHeader header in request.Headers) headers[header.Name] = header.Value;
        return headers;
    }

    private static string Now() => DateTimeOffset.UtcNow.ToString("o", CultureInfo.InvariantCulture);

    private static JsonObject SystemData() => new() { ["createdAt"] = Now(), ["lastModifiedAt"] = Now(), ["createdBy"] = "tester" };

    private static FakeResponse Ok(JsonNode node) => new(200, node);

    private static FakeResponse Created(JsonNode node) => new(201, node);

    private static FakeResponse NotFound(string what)
        => new(404, new JsonObject { ["error"] = new JsonObject { ["code"] = "ResourceNotFound", ["message"] = $"{what} was not found." } });

    private static JsonObject Copy(JsonObject node) => JsonNode.Parse(node.ToJsonString())!.AsObject();

    private static JsonObject List(IEnumerable<JsonNode> items) => new() { ["value"] = new JsonArray(items.Select(i => (JsonNode?)JsonNode.Parse(i.ToJsonString())).ToArray()) };
}
