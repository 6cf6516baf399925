using System.Globalization;
using System.Text.Json.Nodes;
using Azure.Core;
using NUnit.Framework;

namespace AzureML.Core.Tests.Backends.Azure.Service;

/// <summary>
/// The MLflow tracking API of the fake workspace (<c>/api/2.0/mlflow/…</c>): experiments, runs (a submitted job is a run
/// whose id is the job name), params, tags, metrics with history, and search with the filter forms the SDK sends.
/// Errors answer as MLflow does: <c>{"error_code": "RESOURCE_DOES_NOT_EXIST", "message": …}</c> with 404.
/// </summary>
internal sealed class FakeMlflow
{
    private readonly Dictionary<string, JsonObject> _experiments = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TrackedRun> _runs = new(StringComparer.Ordinal);
    private long _clock = 1_700_000_000_000;

    /// <summary>Metric points the runs logged, per run and key, in logging order.</summary>
    public IReadOnlyList<(string Key, double Value, long Step)> Metrics(string runId)
        => _runs[runId].Metrics.Select(m => (m["key"]!.GetValue<string>(), m["value"]!.GetValue<double>(), m["step"]?.GetValue<long>() ?? 0)).ToList();

    /// <summary>Logs metrics into a run behind the SDK's back, as a job's script does.</summary>
    public void Log(string runId, string key, double value, long step = 0)
        => _runs[runId].Metrics.Add(new JsonObject { ["key"] = key, ["value"] = value, ["timestamp"] = ++_clock, ["step"] = step });

    /// <summary>Adds the run the service makes for a submitted job.</summary>
    public void AddJobRun(string jobName, string experimentName)
    {
        string experimentId = ExperimentByName(experimentName)?["experiment_id"]!.GetValue<string>() ?? CreateExperiment(experimentName);
        _runs[jobName] = new TrackedRun(jobName, experimentId, "SCHEDULED", ++_clock);
    }

    /// <summary>Follows the job's status (the service keeps the two in step).</summary>
    public void SetStatus(string runId, string status, DateTimeOffset? start, DateTimeOffset? end)
    {
        TrackedRun run = _runs[runId];
        run.Status = status switch
        {
            "Queued" or "Preparing" or "Starting" => "SCHEDULED",
            "Running" or "Finalizing" => "RUNNING",
            "Completed" => "FINISHED",
            "Failed" => "FAILED",
            "Canceled" => "KILLED",
            _ => run.Status,
        };
        if (start is { } s) run.StartTime = s.ToUnixTimeMilliseconds();
        if (end is { } e) run.EndTime = e.ToUnixTimeMilliseconds();
    }

    public FakeResponse Handle(FakeRequest r, string path)
    {
        switch (path)
        {
            case "experiments/get-by-name":
                return ExperimentByName(r.Query("experiment_name")!) is { } byName ? Ok(new JsonObject { ["experiment"] = Copy(byName) }) : Missing("experiment " + r.Query("experiment_name"));
            case "experiments/get":
                return _experiments.TryGetValue(r.Query("experiment_id")!, out JsonObject? byId) ? Ok(new JsonObject { ["experiment"] = Copy(byId) }) : Missing("experiment " + r.Query("experiment_id"));
            case "experiments/create":
            {
                string name = r.Json()["name"]!.GetValue<string>();
                if (ExperimentByName(name) is not null) return new FakeResponse(400, new JsonObject { ["error_code"] = "RESOURCE_ALREADY_EXISTS", ["message"] = $"Experiment '{name}' already exists." });
                return Ok(new JsonObject { ["experiment_id"] = CreateExperiment(name) });
            }

            case "experiments/search":
                return Ok(new JsonObject { ["experiments"] = new JsonArray(_experiments.Values.Select(e => (JsonNode?)Copy(e)).ToArray()) });
            case "experiments/set-experiment-tag":
            {
                JsonObject body = r.Json();
                JsonObject experiment = _experiments[body["experiment_id"]!.GetValue<string>()];
                ((JsonArray)experiment["tags"]!).Add(new JsonObject { ["key"] = body["key"]!.GetValue<string>(), ["value"] = body["value"]!.GetValue<string>() });
                return Ok(new JsonObject());
            }

            case "runs/create":
            {
                JsonObject body = r.Json();
                string id = Guid.NewGuid().ToString("N");
                var run = new TrackedRun(id, body["experiment_id"]!.GetValue<string>(), "RUNNING", body["start_time"]!.GetValue<long>()) { Name = body["run_name"]?.GetValue<string>() };
                foreach (JsonNode? tag in body["tags"]?.AsArray() ?? new JsonArray()) run.Tags[tag!["key"]!.GetValue<string>()] = tag["value"]!.GetValue<string>();
                _runs[id] = run;
                return Ok(new JsonObject { ["run"] = run.ToJson() });
            }

            case "runs/get":
                return _runs.TryGetValue(r.Query("run_id")!, out TrackedRun? found) ? Ok(new JsonObject { ["run"] = found.ToJson() }) : Missing("run " + r.Query("run_id"));
            case "runs/update":
            {
                JsonObject body = r.Json();
                if (!_runs.TryGetValue(body["run_id"]!.GetValue<string>(), out TrackedRun? run)) return Missing("run " + body["run_id"]);
                if (body["status"] is { } status) run.Status = status.GetValue<string>();
                if (body["end_time"] is { } endTime) run.EndTime = endTime.GetValue<long>();
                if (body["run_name"] is { } name) run.Name = name.GetValue<string>();
                return Ok(new JsonObject { ["run_info"] = run.ToJson()["info"]!.DeepClone() });
            }

            case "runs/log-batch":
                return LogBatch(r.Json());
            case "runs/set-tag":
            {
                JsonObject body = r.Json();
                _runs[body["run_id"]!.GetValue<string>()].Tags[body["key"]!.GetValue<string>()] = body["value"]!.GetValue<string>();
                return Ok(new JsonObject());
            }

            case "runs/delete-tag":
            {
                JsonObject body = r.Json();
                _runs[body["run_id"]!.GetValue<string>()].Tags.Remove(body["key"]!.GetValue<string>());
                return Ok(new JsonObject());
            }

            case "runs/search":
                return Search(r.Json());
            case "metrics/get-history":
            {
                if (!_runs.TryGetValue(r.Query("run_id")!, out TrackedRun? run)) return Missing("run " + r.Query("run_id"));
                string key = r.Query("metric_key")!;
                return Ok(new JsonObject { ["metrics"] = new JsonArray(run.Metrics.Where(m => m["key"]!.GetValue<string>() == key).Select(m => (JsonNode?)m.DeepClone()).ToArray()) });
            }

            default:
                throw new AssertionException($"The fake MLflow does not know {r.Method} {path}");
        }
    }

    // MLflow's limits per request, which the SDK must split within.
    private FakeResponse LogBatch(JsonObject body)
    {
        JsonArray metrics = body["metrics"]?.AsArray() ?? new JsonArray();
        JsonArray parameters = body["params"]?.AsArray() ?? new JsonArray();
        JsonArray tags = body["tags"]?.AsArray() ?? new JsonArray();
        Assert.That(metrics, Has.Count.LessThanOrEqualTo(1000), "log-batch: at most 1,000 metrics");
        Assert.That(parameters, Has.Count.LessThanOrEqualTo(100), "log-batch: at most 100 params");
        Assert.That(tags, Has.Count.LessThanOrEqualTo(100), "log-batch: at most 100 tags");
        if (!_runs.TryGetValue(body["run_id"]!.GetValue<string>(), out TrackedRun? run)) return Missing("run " + body["run_id"]);
        foreach (JsonNode? p in parameters)
        {
            string key = p!["key"]!.GetValue<string>(), value = p["value"]!.GetValue<string>();
            if (run.Params.TryGetValue(key, out string? old) && old != value)
            {
                return new FakeResponse(400, new JsonObject { ["error_code"] = "INVALID_PARAMETER_VALUE", ["message"] = $"Changing param values is not allowed. Param with key='{key}' was already logged." });
            }

            run.Params[key] = value;
        }

        foreach (JsonNode? t in tags) run.Tags[t!["key"]!.GetValue<string>()] = t["value"]!.GetValue<string>();
        foreach (JsonNode? m in metrics) run.Metrics.Add(m!.DeepClone().AsObject());
        return Ok(new JsonObject());
    }

    // The filter forms RunFilter writes: clauses joined by AND, each `attributes.status = 'X'`, `tags.`k` = 'v'` or `params.`k` = 'v'`.
    private FakeResponse Search(JsonObject body)
    {
        var experimentIds = body["experiment_ids"]!.AsArray().Select(e => e!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
        IEnumerable<TrackedRun> runs = _runs.Values.Where(run => experimentIds.Contains(run.ExperimentId));
        if (body["filter"]?.GetValue<string>() is { } filter)
        {
            foreach (string clause in filter.Split(" AND "))
            {
                string[] sides = clause.Split(" = ", 2);
                string field = sides[0], value = sides[1].Trim('\'');
                if (field == "attributes.status") runs = runs.Where(run => run.Status == value).ToList();
                else if (field.StartsWith("tags.", StringComparison.Ordinal)) runs = runs.Where(run => run.Tags.GetValueOrDefault(field[5..].Trim('`')) == value).ToList();
                else if (field.StartsWith("params.", StringComparison.Ordinal)) runs = runs.Where(run => run.Params.GetValueOrDefault(field[7..].Trim('`')) == value).ToList();
                else throw new AssertionException($"The fake MLflow does not know the filter clause '{clause}'");
            }
        }

        int max = body["max_results"]!.GetValue<int>();
        int skip = body["page_token"]?.GetValue<string>() is { } token ? int.Parse(token, CultureInfo.InvariantCulture) : 0;
        List<TrackedRun> ordered = runs.OrderByDescending(run => run.StartTime).ToList();
        var page = new JsonObject { ["runs"] = new JsonArray(ordered.Skip(skip).Take(max).Select(run => (JsonNode?)run.ToJson()).ToArray()) };
        if (skip + max < ordered.Count) page["next_page_token"] = (skip + max).ToString(CultureInfo.InvariantCulture);
        return Ok(page);
    }

    private JsonObject? ExperimentByName(string name) => _experiments.Values.FirstOrDefault(e => e["name"]!.GetValue<string>() == name);

    private string CreateExperiment(string name)
    {
        string id = (_experiments.Count + 1).ToString(CultureInfo.InvariantCulture);
        _experiments[id] = new JsonObject
        {
            ["experiment_id"] = id,
            ["name"] = name,
            ["artifact_location"] = $"azureml://experiments/{name}",
            ["lifecycle_stage"] = "active",
            ["creation_time"] = ++_clock,
            ["last_update_time"] = _clock,
            ["tags"] = new JsonArray(),
        };
        return id;
    }

    private static FakeResponse Ok(JsonNode node) => new(200, node);

    private static FakeResponse Missing(string what) => new(404, new JsonObject { ["error_code"] = "RESOURCE_DOES_NOT_EXIST", ["message"] = $"Could not find {what}." });

    private static JsonObject Copy(JsonObject node) => JsonNode.Parse(node.ToJsonString())!.AsObject();

    private sealed class TrackedRun(string id, string experimentId, string status, long startTime)
    {
        public string Id { get; } = id;
        public string ExperimentId { get; } = experimentId;
        public string Status { get; set; } = status;
        public string? Name { get; set; }
        public long StartTime { get; set; } = startTime;
        public long? EndTime { get; set; }
        public Dictionary<string, string> Tags { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, string> Params { get; } = new(StringComparer.Ordinal);
        public List<JsonObject> Metrics { get; } = new();

        public JsonObject ToJson()
        {
            // runs/get gives each metric's latest value, as MLflow does.
            var latest = Metrics.GroupBy(m => m["key"]!.GetValue<string>()).Select(g => (JsonNode?)g.Last().DeepClone()).ToArray();
            return new JsonObject
            {
                ["info"] = new JsonObject
                {
                    ["run_id"] = Id,
                    ["run_uuid"] = Id,
                    ["experiment_id"] = ExperimentId,
                    ["run_name"] = Name,
                    ["status"] = Status,
                    ["start_time"] = StartTime,
                    ["end_time"] = EndTime,
                    ["lifecycle_stage"] = "active",
                },
                ["data"] = new JsonObject
                {
                    ["metrics"] = new JsonArray(latest),
                    ["params"] = new JsonArray(Params.Select(p => (JsonNode?)new JsonObject { ["key"] = p.Key, ["value"] = p.Value }).ToArray()),
                    ["tags"] = new JsonArray(Tags.Select(t => (JsonNode?)new JsonObject { ["key"] = t.Key, ["value"] = t.Value }).ToArray()),
                },
            };
        }
    }
}
