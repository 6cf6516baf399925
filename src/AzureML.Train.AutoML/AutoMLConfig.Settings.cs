using System.Collections;
using System.Globalization;
using System.Text.Json.Nodes;

namespace AzureML.Train.AutoML;

public sealed partial class AutoMLConfig
{
    /// <summary>The settings azureml lists in <c>AMLSettingsJsonString</c>, with their values (snake_case keys).</summary>
    public string ToSettingsJson()
    {
        var json = new JsonObject
        {
            ["task_type"] = Task,
            ["primary_metric"] = PrimaryMetric,
            ["iterations"] = Iterations,
            ["experiment_timeout_minutes"] = ExperimentTimeoutMinutes,
            ["iteration_timeout_minutes"] = IterationTimeoutMinutes,
            ["max_concurrent_iterations"] = MaxConcurrentIterations,
            ["max_cores_per_iteration"] = MaxCoresPerIteration,
            ["experiment_exit_score"] = ExperimentExitScore,
            ["enable_early_stopping"] = EnableEarlyStopping,
            ["n_cross_validations"] = NCrossValidations,
            ["validation_size"] = ValidationSize,
            ["cv_split_column_names"] = new JsonArray(CvSplitColumnNames.Select(c => (JsonNode)c).ToArray()),
            ["featurization"] = Featurization.Mode,
            ["allowed_models"] = AllowedModels is null ? null : new JsonArray(AllowedModels.Select(m => (JsonNode)m).ToArray()),
            ["blocked_models"] = new JsonArray(BlockedModels.Select(m => (JsonNode)m).ToArray()),
            ["whitelist_models"] = new JsonArray(Learners.Select(l => (JsonNode)l.Name).ToArray()),
            ["enable_onnx_compatible_models"] = EnableOnnxCompatibleModels,
            ["enable_voting_ensemble"] = EnableVotingEnsemble,
            ["enable_stack_ensemble"] = EnableStackEnsemble,
            ["label_column_name"] = LabelColumnName,
            ["weight_column_name"] = WeightColumnName,
            ["positive_label"] = PositiveLabel?.ToString(),
            ["debug_log"] = DebugLog,
            ["path"] = Path,
            ["compute_target"] = ComputeTarget?.Name ?? "local",
            ["seed"] = Seed,
        };
        return json.ToJsonString();
    }

    /// <summary>The parameters as given, before the dictionary form is merged in and everything is checked.</summary>
    private sealed class SettingValues
    {
        private static readonly Setting[] s_settings =
        {
            new("task", "task", v => v.Task, (v, x) => v.Task = Text(x, "task"), null),
            new("path", "path", v => v.Path, (v, x) => v.Path = Text(x, "path"), null),
            new("iterations", "iterations", v => v.Iterations, (v, x) => v.Iterations = Integer(x, "iterations"), null),
            new("primary_metric", "primaryMetric", v => v.PrimaryMetric, (v, x) => v.PrimaryMetric = Text(x, "primaryMetric"), null),
            new("validation_size", "validationSize", v => v.ValidationSize, (v, x) => v.ValidationSize = Real(x, "validationSize"), null),
            new("n_cross_validations", "nCrossValidations", v => v.NCrossValidations, (v, x) => v.NCrossValidations = Integer(x, "nCrossValidations"), null),
            new("cv_split_column_names", "cvSplitColumnNames", v => v.CvSplitColumnNames, (v, x) => v.CvSplitColumnNames = Texts(x, "cvSplitColumnNames"), null),
            new("featurization", "featurization", v => v.Featurization, (v, x) => v.Featurization = x as FeaturizationConfig ?? (FeaturizationConfig)Text(x, "featurization"), null),
            new("max_cores_per_iteration", "maxCoresPerIteration", v => v.MaxCoresPerIteration, (v, x) => v.MaxCoresPerIteration = Integer(x, "maxCoresPerIteration"), 1),
            new("max_concurrent_iterations", "maxConcurrentIterations", v => v.MaxConcurrentIterations, (v, x) => v.MaxConcurrentIterations = Integer(x, "maxConcurrentIterations"), 1),
            new("iteration_timeout_minutes", "iterationTimeoutMinutes", v => v.IterationTimeoutMinutes, (v, x) => v.IterationTimeoutMinutes = Real(x, "iterationTimeoutMinutes"), null),
            new("experiment_timeout_hours", "experimentTimeoutHours", v => v.ExperimentTimeoutHours, (v, x) => v.ExperimentTimeoutHours = Real(x, "experimentTimeoutHours"), null),
            new("experiment_timeout_minutes", "experimentTimeoutMinutes", v => v.ExperimentTimeoutMinutes, (v, x) => v.ExperimentTimeoutMinutes = Real(x, "experimentTimeoutMinutes"), null),
            new("experiment_exit_score", "experimentExitScore", v => v.ExperimentExitScore, (v, x) => v.ExperimentExitScore = Real(x, "experimentExitScore"), null),
            new("enable_early_stopping", "enableEarlyStopping", v => v.EnableEarlyStopping, (v, x) => v.EnableEarlyStopping = Flag(x, "enableEarlyStopping"), false),
            new("blocked_models", "blockedModels", v => v.BlockedModels, (v, x) => v.BlockedModels = Texts(x, "blockedModels"), null),
            new("allowed_models", "allowedModels", v => v.AllowedModels, (v, x) => v.AllowedModels = Texts(x, "allowedModels"), null),
            new("enable_onnx_compatible_models", "enableOnnxCompatibleModels", v => v.EnableOnnxCompatibleModels, (v, x) => v.EnableOnnxCompatibleModels = Flag(x, "enableOnnxCompatibleModels"), false),
            new("enable_voting_ensemble", "enableVotingEnsemble", v => v.EnableVotingEnsemble, (v, x) => v.EnableVotingEnsemble = Flag(x, "enableVotingEnsemble"), true),
            new("enable_stack_ensemble", "enableStackEnsemble", v => v.EnableStackEnsemble, (v, x) => v.EnableStackEnsemble = Flag(x, "enableStackEnsemble"), false),
            new("debug_log", "debugLog", v => v.DebugLog, (v, x) => v.DebugLog = Text(x, "debugLog"), "automl.log"),
            new("label_column_name", "labelColumnName", v => v.LabelColumnName, (v, x) => v.LabelColumnName = Text(x, "labelColumnName"), null),
            new("weight_column_name", "weightColumnName", v => v.WeightColumnName, (v, x) => v.WeightColumnName = Text(x, "weightColumnName"), null),
            new("positive_label", "positiveLabel", v => v.PositiveLabel, (v, x) => v.PositiveLabel = x, null),
            new("seed", "seed", v => v.Seed, (v, x) => v.Seed = Integer(x, "seed"), DefaultSeed),
        };

        public string? Task { get; set; }
        public string? Path { get; set; }
        public int? Iterations { get; set; }
        public string? PrimaryMetric { get; set; }
        public double? ValidationSize { get; set; }
        public int? NCrossValidations { get; set; }
        public List<string>? CvSplitColumnNames { get; set; }
        public FeaturizationConfig? Featurization { get; set; }
        public int MaxCoresPerIteration { get; set; }
        public int MaxConcurrentIterations { get; set; }
        public double? IterationTimeoutMinutes { get; set; }
        public double? ExperimentTimeoutHours { get; set; }
        public double? ExperimentTimeoutMinutes { get; set; }
        public double? ExperimentExitScore { get; set; }
        public bool EnableEarlyStopping { get; set; }
        public List<string>? BlockedModels { get; set; }
        public List<string>? AllowedModels { get; set; }
        public bool EnableOnnxCompatibleModels { get; set; }
        public bool EnableVotingEnsemble { get; set; }
        public bool EnableStackEnsemble { get; set; }
        public string DebugLog { get; set; } = "automl.log";
        public string? LabelColumnName { get; set; }
        public string? WeightColumnName { get; set; }
        public object? PositiveLabel { get; set; }
        public int Seed { get; set; }

        /// <summary>
        /// Merges azureml's settings dictionary: keys are azureml's (snake_case) or this class's parameter names. A
        /// key whose parameter was also given explicitly (not left at its default) must agree with it.
        /// </summary>
        public void Apply(IReadOnlyDictionary<string, object?> settings)
        {
            foreach ((string key, object? value) in settings)
            {
                Setting setting = s_settings.FirstOrDefault(s => s.Key == key || s.Parameter == key)
                    ?? throw new ConfigException(
                        $"Unknown AutoML setting '{key}' in automlSettings. Known settings: {string.Join(", ", s_settings.Select(s => s.Key))}.", "automlSettings");
                object? current = setting.Get(this);
                var candidate = new SettingValues();
                setting.Set(candidate, value);
                object? proposed = setting.Get(candidate);
                if (!Same(current, setting.Default) && !Same(current, proposed))
                {
                    throw new ConfigException(
                        $"'{setting.Key}' in automlSettings ({Describe(proposed)}) contradicts the parameter {setting.Parameter} ({Describe(current)}); give it once.",
                        setting.Parameter);
                }

                setting.Set(this, value);
            }
        }

        private static bool Same(object? a, object? b) => a switch
        {
            null => b is null,
            IEnumerable<string> list when b is IEnumerable<string> other => list.SequenceEqual(other),
            _ => Equals(a, b) || (a is IConvertible && b is IConvertible && Describe(a) == Describe(b)),
        };

        private static string Describe(object? value) => value switch
        {
            null => "null",
            string s => $"'{s}'",
            IEnumerable<string> list => "[" + string.Join(", ", list) + "]",
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };

        private static string Text(object? value, string parameter)
            => value as string ?? throw new ConfigException($"automlSettings: {parameter} must be text; got {Describe(value)}.", parameter);

        private static List<string> Texts(object? value, string parameter) => value switch
        {
            string one => new List<string> { one },
            IEnumerable list => list.Cast<object?>().Select(v => Text(v, parameter)).ToList(),
            _ => throw new ConfigException($"automlSettings: {parameter} must be a list of names; got {Describe(value)}.", parameter),
        };

        private static int Integer(object? value, string parameter)
        {
            double number = Real(value, parameter);
            return number == Math.Floor(number) && Math.Abs(number) <= int.MaxValue
                ? (int)number
                : throw new ConfigException($"automlSettings: {parameter} must be a whole number; got {Describe(value)}.", parameter);
        }

        private static double Real(object? value, string parameter) => value switch
        {
            int i => i,
            long l => l,
            double d => d,
            float f => f,
            decimal m => (double)m,
            string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out double parsed) => parsed,
            _ => throw new ConfigException($"automlSettings: {parameter} must be a number; got {Describe(value)}.", parameter),
        };

        private static bool Flag(object? value, string parameter) => value switch
        {
            bool b => b,
            string s when bool.TryParse(s, out bool parsed) => parsed,
            _ => throw new ConfigException($"automlSettings: {parameter} must be true or false; got {Describe(value)}.", parameter),
        };

        private sealed record Setting(string Key, string Parameter, Func<SettingValues, object?> Get, Action<SettingValues, object?> Set, object? Default);
    }
}
