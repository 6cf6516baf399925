using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Azure.Core;
using AzureML.Core.Tests.Backends.Azure.Infrastructure;
using NUnit.Framework;

namespace AzureML.Core.Tests.Backends.Azure.Service;

internal sealed partial class FakeAzureMLService
{
    private const string ApiVersion = "2025-12-01";

    private FakeResponse Route(FakeRequest r)
    {
        string host = r.Uri.Host;
        string path = Uri.UnescapeDataString(r.Path);
        if (host == "management.azure.com")
        {
            Assert.That(r.Query("api-version"), Is.EqualTo(ApiVersion), $"{r}: api-version");
            Assert.That(r.Header("Authorization"), Is.EqualTo("Bearer " + Token), $"{r}: Resource Manager calls carry the token");
            if (path == WorkspacePath && r.Method == RequestMethod.Get) return Ok(JsonNode.Parse(Examples.Read("workspace-get"))!);
            if (!path.StartsWith(WorkspacePath + "/", StringComparison.Ordinal)) throw new AssertionException($"Unknown Resource Manager path {path}");
            return Workspace(r, path[(WorkspacePath.Length + 1)..]);
        }

        if (host == ApiHost)
        {
            if (path == "/discovery")
            {
                Assert.That(r.Header("Authorization"), Is.Null, "discovery is read without a credential");
                return Ok(JsonNode.Parse(Examples.Read("discovery"))!);
            }

            Assert.That(r.Header("Authorization"), Is.EqualTo("Bearer " + Token), $"{r}: data-plane calls carry the token");
            if (path == "/registrymanagement/v1.0/registries/azureml/discovery") return Ok(JsonNode.Parse(Examples.Read("registry-discovery"))!);
            string history = "/history/v1.0" + WorkspacePath + "/runs/";
            if (path.StartsWith(history, StringComparison.Ordinal) && path.EndsWith("/details", StringComparison.Ordinal))
            {
                return RunDetails(path[history.Length..^"/details".Length]);
            }

            string mlflow = "/mlflow/v1.0" + WorkspacePath + "/api/2.0/mlflow/";
            if (path.StartsWith(mlflow, StringComparison.Ordinal)) return _mlflow.Handle(r, path[mlflow.Length..]);
        }

        if (host == "cert-eastus.experiments.azureml.net")
        {
            Assert.That(r.Query("api-version"), Is.EqualTo("2021-10-01-dataplanepreview"));
            Match m = RegistryEnvironment().Match(path);
            if (m.Success)
            {
                string name = m.Groups["name"].Value;
                if (m.Groups["version"].Success)
                {
                    return _registryEnvironments.TryGetValue($"{name}/{m.Groups["version"].Value}", out JsonObject? found) ? Ok(Copy(found)) : NotFound($"Environment {name}");
                }

                string? latest = _registryEnvironments.Keys.Where(k => k.StartsWith(name + "/", StringComparison.Ordinal)).Select(k => k[(name.Length + 1)..])
                    .OrderBy(v => int.Parse(v, CultureInfo.InvariantCulture)).LastOrDefault();
                return latest is null ? NotFound($"Environment {name}") : Ok(new JsonObject { ["name"] = name, ["properties"] = new JsonObject { ["latestVersion"] = latest } });
            }
        }

        if (host == "logs.blob.core.windows.net")
        {
            Assert.That(r.Header("Authorization"), Is.Null, "log SAS URLs are read without a bearer token");
            string run = path.Split('/')[3]["dcid.".Length..];
            return new FakeResponse(200, Text: _jobs[run].Log);
        }

        if (host.EndsWith(".inference.ml.azure.com", StringComparison.Ordinal) && path == "/score" && r.Method == RequestMethod.Post)
        {
            string endpoint = host[..host.IndexOf('.')];
            Assert.That(r.Header("Authorization"), Is.EqualTo("Bearer " + _keys[endpoint].Primary), "scoring sends the endpoint's primary key");
            Assert.That(r.Header("azureml-model-deployment"), Is.EqualTo("default"));
            return new FakeResponse(200, Text: Score(endpoint, r.Text));
        }

        throw new AssertionException($"The fake service does not know {r.Method} {r.Uri}");
    }

    private FakeResponse Workspace(FakeRequest r, string rest)
    {
        string[] s = rest.Split('/');
        return s[0] switch
        {
            "computes" => Computes(r, s),
            "codes" => Codes(r, s),
            "environments" or "models" or "data" => Assets(r, s),
            "datastores" => Datastores(r, s),
            "jobs" => Jobs(r, s),
            "onlineEndpoints" => Endpoints(r, s),
            "operationResults" => new FakeResponse(200),
            _ => throw new AssertionException($"Unknown workspace collection '{s[0]}'"),
        };
    }

    // The request body must match the JSON Schema derived from its spec definition.
    private static void Valid(string schema, FakeRequest r) => Schemas.AssertValid(schema, System.Text.Json.JsonDocument.Parse(r.Body).RootElement);

    private FakeResponse Computes(FakeRequest r, string[] s)
    {
        if (s.Length == 1 && r.Method == RequestMethod.Get) return Ok(List(_computes.Values.Select(ProvisionedCompute)));
        string name = s[1];
        if (r.Method == RequestMethod.Put)
        {
            Valid("ComputeResource.AmlCompute", r);
            JsonObject body = r.Json();
            body["id"] = $"{WorkspacePath}/computes/{name}";
            body["name"] = name;
            body["properties"]!["provisioningState"] = "Creating";
            body["properties"]!["createdOn"] = Now();
            _computes[name] = body;
            _provisioningPolls[name] = 0;
            return Created(Copy(body));
        }

        if (!_computes.TryGetValue(name, out JsonObject? compute)) return NotFound($"Compute {name}");
        if (r.Method == RequestMethod.Get) return Ok(ProvisionedCompute(compute));
        if (r.Method == RequestMethod.Patch)
        {
            Valid("ClusterUpdateParameters", r);
            compute["properties"]!["properties"]!["scaleSettings"] = JsonNode.Parse(r.Json()["properties"]!["properties"]!["scaleSettings"]!.ToJsonString());
            return Ok(Copy(compute));
        }

        if (r.Method == RequestMethod.Delete)
        {
            Assert.That(r.Query("underlyingResourceAction"), Is.EqualTo("Delete"));
            _computes.Remove(name);
            return new FakeResponse(200);
        }

        throw new AssertionException($"Unknown compute call {r}");
    }

    // A compute (or deployment) provisions over a few reads, as the service's would.
    private JsonObject ProvisionedCompute(JsonNode compute)
    {
        var copy = Copy(compute.AsObject());
        string name = copy["name"]!.GetValue<string>();
        int polls = _provisioningPolls.GetValueOrDefault(name);
        if (polls >= ProvisioningPolls)
        {
            copy["properties"]!["provisioningState"] = "Succeeded";
            JsonNode scale = copy["properties"]!["properties"]!["scaleSettings"]!;
            int min = scale["minNodeCount"]?.GetValue<int>() ?? 0;
            copy["properties"]!["properties"]!["currentNodeCount"] = min;
            copy["properties"]!["properties"]!["nodeStateCounts"] = new JsonObject { ["idleNodeCount"] = min, ["runningNodeCount"] = 0 };
            ((JsonObject)compute)["properties"]!["provisioningState"] = "Succeeded";
        }

        _provisioningPolls[name] = polls + 1;
        return copy;
    }

    private FakeResponse Codes(FakeRequest r, string[] s)
    {
        string key = $"{s[1]}/{s[3]}";
        if (s.Length == 5 && s[4] == "startPendingUpload")
        {
            Uri sas = RequireAzurite().CreateContainerWithSas(CodeContainer);
            return Ok(new JsonObject
            {
                ["blobReferenceForConsumption"] = new JsonObject
                {
                    ["blobUri"] = $"{sas.GetLeftPart(UriPartial.Path)}/LocalUpload/{s[1]}",
                    ["credential"] = new JsonObject { ["credentialType"] = "SAS", ["sasUri"] = sas.ToString() },
                },
                ["pendingUploadId"] = Guid.NewGuid().ToString(),
                ["pendingUploadType"] = "TemporaryBlobReference",
            });
        }

        if (r.Method == RequestMethod.Get) return _codes.TryGetValue(key, out JsonObject? code) ? Ok(Copy(code)) : NotFound($"Code {key}");
        if (r.Method == RequestMethod.Put)
        {
            Valid("CodeVersionResource", r);
            JsonObject body = r.Json();
            body["id"] = $"{WorkspacePath}/codes/{s[1]}/versions/{s[3]}";
            body["name"] = s[3];
            _codes[key] = body;
            return Created(Copy(body));
        }

        throw new AssertionException($"Unknown code call {r}");
    }

    private static readonly Dictionary<string, string> s_assetSchemas = new()
    {
        ["environments"] = "EnvironmentVersionResource",
        ["models"] = "ModelVersionResource",
        ["data"] = "DataVersionBaseResource",
    };

    private FakeResponse Assets(FakeRequest r, string[] s)
    {
        string collection = s[0];
        if (s.Length == 1)
        {
            return Ok(List(_assets.Where(a => a.Key.StartsWith(collection + "/", StringComparison.Ordinal) && a.Value.Count > 0)
                .Select(a => Container(collection, a.Key[(collection.Length + 1)..], a.Value))));
        }

        string name = s[1];
        string key = $"{collection}/{name}";
        _assets.TryGetValue(key, out SortedDictionary<int, JsonObject>? versions);
        if (s.Length == 2)
        {
            return versions is { Count: > 0 } ? Ok(Container(collection, name, versions)) : NotFound($"{collection} {name}");
        }

        if (s.Length == 3)
        {
            IEnumerable<JsonObject> all = (versions ?? new SortedDictionary<int, JsonObject>()).Values.Reverse();
            if (r.Query("tags") is { } tags)
            {
                foreach (string wanted in tags.Split(','))
                {
                    string[] kv = wanted.Split('=', 2);
                    all = all.Where(v => v["properties"]?["tags"]?[kv[0]] is { } value && (kv.Length == 1 || value.GetValue<string>() == kv[1]));
                }
            }

            return Ok(List(all));
        }

        int version = int.Parse(s[3], CultureInfo.InvariantCulture);
        if (r.Method == RequestMethod.Get) return versions?.TryGetValue(version, out JsonObject? found) == true ? Ok(Copy(found)) : NotFound($"{key}:{version}");
        if (r.Method == RequestMethod.Delete)
        {
            bool removed = versions?.Remove(version) == true;
            return new FakeResponse(removed ? 200 : 204);
        }

        if (r.Method == RequestMethod.Put)
        {
            Valid(s_assetSchemas[collection], r);
            JsonObject body = r.Json();
            body["id"] = $"{WorkspacePath}/{collection}/{name}/versions/{version}";
            body["name"] = s[3];
            versions ??= _assets[key] = new SortedDictionary<int, JsonObject>();
            bool existed = versions.TryGetValue(version, out JsonObject? previous);
            body["systemData"] = existed ? previous!["systemData"]!.DeepClone() : SystemData();
            versions[version] = body;
            return existed ? Ok(Copy(body)) : Created(Copy(body));
        }

        throw new AssertionException($"Unknown asset call {r}");
    }

    private static JsonObject Container(string collection, string name, SortedDictionary<int, JsonObject> versions) => new()
    {
        ["id"] = $"{AzureContractTest.WorkspacePath}/{collection}/{name}",
        ["name"] = name,
        ["properties"] = new JsonObject
        {
            ["latestVersion"] = versions.Keys.Max().ToString(CultureInfo.InvariantCulture),
            ["nextVersion"] = (versions.Keys.Max() + 1).ToString(CultureInfo.InvariantCulture),
        },
    };

    private FakeResponse Datastores(FakeRequest r, string[] s)
    {
        if (s.Length == 1)
        {
            IEnumerable<JsonObject> all = _datastores.Values;
            if (r.Query("isDefault") == "true") all = all.Where(d => d["properties"]!["isDefault"]!.GetValue<bool>());
            return Ok(List(all.Select(WithoutSecret)));
        }

        string name = s[1];
        if (s.Length == 3 && s[2] == "listSecrets")
        {
            return _datastores.TryGetValue(name, out JsonObject? d)
                ? Ok(new JsonObject { ["secretsType"] = "Sas", ["sasToken"] = d["secret"]?.GetValue<string>() })
                : NotFound($"Datastore {name}");
        }

        if (r.Method == RequestMethod.Get) return _datastores.TryGetValue(name, out JsonObject? found) ? Ok(WithoutSecret(found)) : NotFound($"Datastore {name}");
        if (r.Method == RequestMethod.Put)
        {
            Valid("DatastoreResource.AzureBlob", r);
            JsonObject body = r.Json();
            JsonNode? secrets = body["properties"]!["credentials"]!["secrets"];
            string? secret = secrets?["key"]?.GetValue<string>() ?? secrets?["sasToken"]?.GetValue<string>();
            body["properties"]!["credentials"]!.AsObject().Remove("secrets");
            body["properties"]!["isDefault"] = false;
            body["id"] = $"{WorkspacePath}/datastores/{name}";
            body["name"] = name;
            body["secret"] = secret;
            _datastores[name] = body;
            return Ok(WithoutSecret(body));
        }

        throw new AssertionException($"Unknown datastore call {r}");
    }

    private static JsonObject WithoutSecret(JsonObject datastore)
    {
        JsonObject copy = Copy(datastore);
        copy.Remove("secret");
        return copy;
    }

    private FakeResponse Jobs(FakeRequest r, string[] s)
    {
        if (s.Length == 1) return Ok(List(_jobs.Values.Select(j => j.Resource)));
        string name = s[1];
        if (s.Length == 3 && s[2] == "cancel")
        {
            if (!_jobs.TryGetValue(name, out FakeJob? doomed)) return NotFound($"Job {name}");
            doomed.Cancel();
            return new FakeResponse(200);
        }

        if (r.Method == RequestMethod.Put)
        {
            Valid("JobBaseResource.CommandJob", r);
            JsonObject body = r.Json();
            body["id"] = $"{WorkspacePath}/jobs/{name}";
            body["name"] = name;
            body["systemData"] = SystemData();
            body["properties"]!["status"] = "Queued";
            body["properties"]!["services"] = new JsonObject { ["Studio"] = new JsonObject { ["endpoint"] = $"https://ml.azure.com/runs/{name}" } };
            var job = new FakeJob(name, body);
            _jobs[name] = job;
            _mlflow.AddJobRun(name, body["properties"]!["experimentName"]!.GetValue<string>());
            OnJobSubmitted?.Invoke(job);
            return Created(Copy(body));
        }

        if (r.Method == RequestMethod.Get) return _jobs.TryGetValue(name, out FakeJob? found) ? Ok(Copy(found.Resource)) : NotFound($"Job {name}");
        throw new AssertionException($"Unknown job call {r}");
    }

    private FakeResponse RunDetails(string run)
    {
        if (!_jobs.TryGetValue(run, out FakeJob? job)) return NotFound($"Run {run}");
        job.Advance();
        _mlflow.SetStatus(run, job.Status, job.StartTime, job.EndTime);
        return Ok(new JsonObject
        {
            ["runId"] = run,
            ["status"] = job.Status,
            ["startTimeUtc"] = job.StartTime?.ToString("o", CultureInfo.InvariantCulture),
            ["endTimeUtc"] = job.EndTime?.ToString("o", CultureInfo.InvariantCulture),
            ["logFiles"] = job.Log.Length == 0 ? new JsonObject() : new JsonObject
            {
                ["user_logs/std_log.txt"] = $"https://logs.blob.core.windows.net/azureml/ExperimentRun/dcid.{run}/user_logs/std_log.txt?sv=2025-01-05&sig=LOGSECRET",
            },
        });
    }

    private FakeResponse Endpoints(FakeRequest r, string[] s)
    {
        if (s.Length == 1) return Ok(List(_endpoints.Values.Where(e => TagsMatch(e, r.Query("tags"))).Select(Provisioned)));
        string name = s[1];
        if (s.Length == 2)
        {
            if (r.Method == RequestMethod.Put)
            {
                Valid("OnlineEndpoint", r);
                JsonObject body = r.Json();
                body["id"] = $"{WorkspacePath}/onlineEndpoints/{name}";
                body["name"] = name;
                body["systemData"] = SystemData();
                body["properties"]!["scoringUri"] = $"https://{name}.{Region}.inference.ml.azure.com/score";
                body["properties"]!["swaggerUri"] = $"https://{name}.{Region}.inference.ml.azure.com/swagger.json";
                body["properties"]!["provisioningState"] = "Succeeded";
                bool created = !_endpoints.ContainsKey(name);
                _endpoints[name] = body;
                if (created) _keys[name] = ($"primary-{Guid.NewGuid():N}", $"secondary-{Guid.NewGuid():N}");
                return new FakeResponse(created ? 201 : 200, Copy(body));
            }

            if (r.Method == RequestMethod.Get) return _endpoints.TryGetValue(name, out JsonObject? found) ? Ok(Provisioned(found)) : NotFound($"Online endpoint {name}");
            if (r.Method == RequestMethod.Delete)
            {
                if (!_endpoints.Remove(name)) return new FakeResponse(204);
                _deployments.Remove($"{name}/default");
                return new FakeResponse(202, null, null, ("Location", $"https://management.azure.com{WorkspacePath}/operationResults/delete-{name}?api-version={ApiVersion}"));
            }
        }

        if (s.Length == 3 && s[2] == "listKeys") return Ok(new JsonObject { ["primaryKey"] = _keys[name].Primary, ["secondaryKey"] = _keys[name].Secondary });
        if (s.Length == 3 && s[2] == "regenerateKeys")
        {
            Valid("RegenerateEndpointKeysRequest", r);
            string type = r.Json()["keyType"]!.GetValue<string>();
            string value = r.Json()["keyValue"]?.GetValue<string>() ?? $"regenerated-{Guid.NewGuid():N}";
            _keys[name] = type == "Primary" ? (value, _keys[name].Secondary) : (_keys[name].Primary, value);
            return new FakeResponse(200);
        }

        if (s.Length >= 4 && s[2] == "deployments")
        {
            string key = $"{name}/{s[3]}";
            if (s.Length == 5 && s[4] == "getLogs")
            {
                Valid("DeploymentLogsRequest", r);
                return Ok(new JsonObject { ["content"] = "2026-01-01T00:00:00Z | INFO | Scoring server ready\n" });
            }

            if (r.Method == RequestMethod.Put)
            {
                Valid("OnlineDeployment.Managed", r);
                JsonObject body = r.Json();
                body["id"] = $"{WorkspacePath}/onlineEndpoints/{name}/deployments/{s[3]}";
                body["name"] = s[3];
                body["systemData"] = SystemData();
                body["properties"]!["provisioningState"] = "Creating";
                _deployments[key] = body;
                _provisioningPolls[key] = 0;
                return Created(Copy(body));
            }

            if (r.Method == RequestMethod.Get) return _deployments.TryGetValue(key, out JsonObject? found) ? Ok(ProvisionedDeployment(key, found)) : NotFound($"Deployment {key}");
        }

        throw new AssertionException($"Unknown online endpoint call {r}");
    }

    private static bool TagsMatch(JsonObject resource, string? filter)
        => filter is null || filter.Split(',').All(f =>
        {
            string[] kv = f.Split('=', 2);
            return resource["tags"]?[kv[0]] is { } value && (kv.Length == 1 || value.GetValue<string>() == kv[1]);
        });

    private JsonObject Provisioned(JsonObject endpoint) => Copy(endpoint);

    private JsonObject ProvisionedDeployment(string key, JsonObject deployment)
    {
        int polls = _provisioningPolls.GetValueOrDefault(key);
        if (polls >= ProvisioningPolls) deployment["properties"]!["provisioningState"] = "Succeeded";
        _provisioningPolls[key] = polls + 1;
        return Copy(deployment);
    }

    [GeneratedRegex("^/mferp/managementfrontend/subscriptions/[^/]+/resourceGroups/[^/]+/providers/Microsoft.MachineLearningServices/registries/azureml/environments/(?<name>[^/]+)(/versions/(?<version>[^/]+))?$")]
    private static partial Regex RegistryEnvironment();
}
