using System.Text.Json;
using AzureML.Core.Data;

namespace AzureML.Train.AutoML.Local;

/// <summary>What the background runner needs to run an AutoML experiment, written as JSON into the run's snapshot.</summary>
internal sealed record RunnerSettings
{
    /// <summary>The settings file's name in the snapshot.</summary>
    public const string FileName = "automl_settings.json";

    private static readonly JsonSerializerOptions s_json = new() { WriteIndented = true };

    public required string Task { get; init; }
    public required string PrimaryMetric { get; init; }
    public required string LabelColumn { get; init; }
    public string? WeightColumn { get; init; }
    public List<string> CvSplitColumns { get; init; } = new();

    /// <summary>The positive class as text (matched against the classes' text forms).</summary>
    public string? PositiveLabel { get; init; }

    public required int Iterations { get; init; }
    public required double ExperimentTimeoutSeconds { get; init; }
    public double? IterationTimeoutSeconds { get; init; }
    public required int Concurrency { get; init; }
    public required int ThreadsPerTrial { get; init; }
    public double? ExitScore { get; init; }
    public bool EarlyStopping { get; init; }
    public bool VotingEnsemble { get; init; }
    public bool StackEnsemble { get; init; }
    public int? CrossValidations { get; init; }
    public double? ValidationSize { get; init; }
    public required FeaturizationJson Featurization { get; init; }
    public required List<string> Learners { get; init; }
    public required int Seed { get; init; }

    /// <summary>The absolute path of the debug log, or null for none.</summary>
    public string? DebugLogPath { get; init; }

    public required DataSourceJson Training { get; init; }
    public DataSourceJson? Validation { get; init; }

    public string ToJson() => JsonSerializer.Serialize(this, s_json);

    public static RunnerSettings FromJson(string json) => JsonSerializer.Deserialize<RunnerSettings>(json, s_json)
        ?? throw new InvalidDataException("The AutoML settings file is empty.");

    /// <summary>The featurization mode with the custom parts.</summary>
    internal sealed record FeaturizationJson(string Mode, Dictionary<string, string> Purposes, List<string> Drop, List<string> Blocked);

    /// <summary>A dataset definition (read from where it points), or a CSV file in the snapshot with the column types to read it with.</summary>
    internal sealed record DataSourceJson(string? DatasetDefinition, string? File, Dictionary<string, DataFrameColumnType>? ColumnTypes);
}
