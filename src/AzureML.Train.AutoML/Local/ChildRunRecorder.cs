using System.Collections;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AzureML.Core;
using AzureML.Core.Backends;
using AzureML.Core.Backends.Local;
using AzureML.Core.Internal;
using AzureML.Train.AutoML.Engine;
using AzureML.Train.AutoML.Engine.Data;
using AzureML.Train.AutoML.Engine.Metrics;
using AzureML.Train.AutoML.Engine.Scoring;
using Google.Protobuf;
using MetricTable = AzureML.Train.AutoML.Engine.Metrics.MetricTable;

namespace AzureML.Train.AutoML.Local;

/// <summary>
/// Records the engine's progress as azureml records it: a <c>&lt;parent&gt;_setup</c> child with the guardrails, one child
/// per iteration (algorithm, preprocessor and hyperparameters as properties; every metric; the ONNX model with its
/// scoring file and environment in outputs/), and the best iteration as a tag on the parent.
/// </summary>
internal sealed class ChildRunRecorder : IEngineMonitor
{
    private readonly Workspace _workspace;
    private readonly RunRecord _parent;
    private readonly string _primaryMetric;
    private readonly RunnerLog _log;
    private readonly string _environmentJson = StoredEnvironment.Prepare(EnvironmentJson.Serialize(AutoMLEnvironments.Scoring()));
    private double _best = double.NaN;

    public ChildRunRecorder(Workspace workspace, RunRecord parent, string primaryMetric, RunnerLog log)
    {
        _workspace = workspace;
        _parent = parent;
        _primaryMetric = primaryMetric;
        _log = log;
    }

    private RunStore Runs => _workspace.Backend.Runs;

    private string SetupId => ChildRunContract.SetupRunId(_parent.RunId);

    /// <summary>Whether the setup child has completed.</summary>
    public bool SetupDone { get; private set; }

    /// <summary>Creates the setup child: reading the data, choosing the validation and featurizing happen under it.</summary>
    public void SetupStarted()
    {
        Create(SetupId, "setup", new Dictionary<string, string> { ["run_template"] = "automl_child_setup" }, environmentJson: null);
        _log.Write("Setup: reading the data, choosing the validation, featurizing the folds.");
    }

    public void SetupCompleted(EngineSetup setup)
    {
        Upload(SetupId, ChildRunContract.GuardrailsFile, DataGuardrail.ToJson(setup.Guardrails));
        Upload(SetupId, ChildRunContract.FeaturizationFile, FeaturizationSummary(setup.Shared.Data));
        foreach (DataGuardrail guardrail in setup.Guardrails) _log.Write("Data guardrail: " + guardrail.ToString().Replace(System.Environment.NewLine, " | ", StringComparison.Ordinal));
        _log.Write($"Setup done in {setup.Duration.TotalSeconds:0.0} s: {setup.Shared.Folds.Description}, {setup.Shared.Final.FeatureCount} features.");
        Runs.CompleteAsync(SetupId, CancellationToken.None).EnsureCompleted();
        SetupDone = true;
    }

    /// <summary>Marks the setup child failed (the data or the settings were rejected).</summary>
    public void SetupFailed(Exception error)
    {
        Runs.FailAsync(SetupId, new RunError(error is UserErrorException ? "UserError" : "SystemError", error.Message), CancellationToken.None).EnsureCompleted();
    }

    public void TrialStarted(TrialStart start)
    {
        var hyperparameters = new JsonObject();
        foreach ((string name, object value) in start.Config.Values) hyperparameters[name] = JsonValue.Create(value);
        Create(ChildRunContract.IterationRunId(_parent.RunId, start.Iteration), start.Algorithm, new Dictionary<string, string>
        {
            [ChildRunContract.Iteration] = start.Iteration.ToString(CultureInfo.InvariantCulture),
            [ChildRunContract.Algorithm] = start.Algorithm,
            [ChildRunContract.Preprocessor] = start.Preprocessor,
            [ChildRunContract.Hyperparameters] = hyperparameters.ToJsonString(),
            ["run_template"] = "automl_child",
        }, _environmentJson);
    }

    public void TrialCompleted(TrialOutcome outcome)
    {
        string runId = ChildRunContract.IterationRunId(_parent.RunId, outcome.Iteration);
        Upload(runId, ChildRunContract.ModelFile, outcome.Model.ToByteArray());
        Upload(runId, ChildRunContract.ModelDescriptionFile, ScoringFiles.Description(outcome.Model));
        Upload(runId, ChildRunContract.ScoringFile, ScoringFiles.ScoringScript);
        Upload(runId, ChildRunContract.CondaFile, AutoMLEnvironments.ScoringCondaFile());
        Runs.LogMetricsAsync(runId, Metrics(outcome.Metrics), CancellationToken.None).EnsureCompleted();

        double score = outcome.Metrics[_primaryMetric];
        var properties = new Dictionary<string, string>
        {
            [ChildRunContract.Score] = score.ToString("R", CultureInfo.InvariantCulture),
            [ChildRunContract.ModelName] = ChildRunContract.ModelNameFor(runId),
            [ChildRunContract.PipelineSpec] = outcome.Pipeline,
            [ChildRunContract.TrainingSeconds] = outcome.TrainTime.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture),
            [ChildRunContract.ExportSeconds] = outcome.ExportTime.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture),
        };
        if (outcome.Members.Count > 0)
        {
            properties[ChildRunContract.EnsembledIterations] = JsonSerializer.Serialize(outcome.Members.Select(m => m.Iteration));

            // A stack's members are weighed by its meta model, not by voting weights.
            if (outcome.Algorithm == "VotingEnsemble") properties[ChildRunContract.EnsembleWeights] = JsonSerializer.Serialize(outcome.Members.Select(m => m.Weight));
        }

        Runs.AddPropertiesAsync(runId, properties, CancellationToken.None).EnsureCompleted();
        Runs.CompleteAsync(runId, CancellationToken.None).EnsureCompleted();
        if (MetricCatalog.Compare(_primaryMetric, score, _best) > 0)
        {
            _best = score;
            Runs.UpdateTagsAsync(_parent.RunId, new Dictionary<string, string> { [ChildRunContract.BestChildTag] = runId }, Array.Empty<string>(), CancellationToken.None).EnsureCompleted();
        }

        _log.Write($"Iteration {outcome.Iteration} {outcome.Algorithm}: {_primaryMetric} {score:0.0000} (best {_best:0.0000}) in {outcome.Duration.TotalSeconds:0.00} s: {outcome.Pipeline}");
    }

    public void TrialEnded(TrialStart start, bool canceled, Exception error, TimeSpan duration)
    {
        string runId = ChildRunContract.IterationRunId(_parent.RunId, start.Iteration);
        if (canceled) Runs.CancelAsync(runId, CancellationToken.None).EnsureCompleted();
        else Runs.FailAsync(runId, new RunError(error is TimeoutException ? "IterationTimeout" : "SystemError", error.Message, LogTail: error.ToString()), CancellationToken.None).EnsureCompleted();
        _log.Write($"Iteration {start.Iteration} {start.Algorithm} {(canceled ? "canceled" : "failed")} after {duration.TotalSeconds:0.00} s: {error.Message}");
    }

    /// <summary>The parent's final tags: how many iterations ran and why the search stopped.</summary>
    public void Finish(EngineResult result)
    {
        int iterations = result.Iterations;
        var tags = new Dictionary<string, string>
        {
            [ChildRunContract.IterationsTag] = iterations.ToString(CultureInfo.InvariantCulture),
            ["automl_stop_reason"] = result.StopReason,
        };
        if (result.Best is { } best) tags[ChildRunContract.BestChildTag] = ChildRunContract.IterationRunId(_parent.RunId, best.Iteration);
        if (result.Selection is { } selection) tags[ChildRunContract.BestChildSelectionTag] = selection;
        Runs.UpdateTagsAsync(_parent.RunId, tags, Array.Empty<string>(), CancellationToken.None).EnsureCompleted();
        if (result.Selection is not null) _log.Write($"Best child by {result.Selection}.");
        string score = result.Best is { } final ? $"{final.Metrics[_primaryMetric]:0.0000}" : "none";
        _log.Write($"Done: {iterations} iterations, stopped by {result.StopReason}; best {result.Best?.Algorithm} (iteration {result.Best?.Iteration}), {_primaryMetric} {score}.");
    }

    private void Create(string runId, string displayName, IReadOnlyDictionary<string, string> properties, string? environmentJson)
    {
        Runs.CreateAsync(new RunCreateRequest
        {
            ExperimentName = _parent.ExperimentName,
            RunId = runId,
            DisplayName = displayName,
            ParentRunId = _parent.RunId,
            RunType = AutoMLConfig.RunType,
            Target = _parent.Target,
            Properties = properties,
            EnvironmentJson = environmentJson,
            Start = true,
        }, CancellationToken.None).EnsureCompleted();
    }

    private void Upload(string runId, string name, string text) => Upload(runId, name, Encoding.UTF8.GetBytes(text));

    private void Upload(string runId, string name, byte[] content)
    {
        using var stream = new MemoryStream(content);
        _workspace.Backend.Artifacts.UploadAsync(runId, name, stream, CancellationToken.None).EnsureCompleted();
    }

    private static List<MetricRecord> Metrics(MetricResult metrics)
    {
        DateTimeOffset now = DateTimeOffset.UtcNow;
        var records = metrics.Scalars.Where(m => double.IsFinite(m.Value))
            .Select(m => new MetricRecord(m.Key, MetricKind.Scalar, MetricValues.ToJson(m.Value, m.Key), null, now, null))
            .ToList();
        foreach (MetricTable table in metrics.Tables)
        {
            var columns = new JsonObject();
            foreach ((string column, IReadOnlyList<object> values) in table.Columns) columns[column] = MetricValues.ToJsonArray((IEnumerable)values, table.Name);
            records.Add(new MetricRecord(table.Name, MetricKind.Table, columns, null, now, null));
        }

        return records;
    }

    private static string FeaturizationSummary(TrainingData data)
        => new JsonArray(data.Profiles.Select(p => (JsonNode)new JsonObject
        {
            ["RawFeatureName"] = p.Name,
            ["TypeDetected"] = p.DataType.ToString(),
            ["Purpose"] = FeaturizationPurposes.Name(p.Purpose),
            ["Dropped"] = p.IsFeature ? "No" : "Yes",
            ["MissingCount"] = p.MissingCount,
            ["DistinctCount"] = p.DistinctCount,
        }).ToArray()).ToJsonString();
}
