namespace AzureML.Train.AutoML.Local;

/// <summary>
/// The names AutoML runs share between the process that records them and the code that reads them (azureml's
/// names where azureml has one): child run ids, properties, tags and output files.
/// </summary>
internal static class ChildRunContract
{
    /// <summary>The setup child is <c>&lt;parent&gt;_setup</c>; iterations are <c>&lt;parent&gt;_0</c>, <c>_1</c>, ….</summary>
    public const string SetupSuffix = "_setup";

    public const string Iteration = "iteration";
    public const string Algorithm = "run_algorithm";
    public const string Preprocessor = "run_preprocessor";
    public const string Hyperparameters = "hyperparameters";
    public const string PipelineSpec = "pipeline_spec";
    public const string Score = "score";
    public const string ModelName = "model_name";
    public const string EnsembledIterations = "ensembled_iterations";
    public const string EnsembledAlgorithms = "ensembled_algorithms";
    public const string EnsembleWeights = "ensemble_weights";

    /// <summary>Seconds spent training (folds and final fit) and exporting, for overhead accounting.</summary>
    public const string TrainingSeconds = "training_seconds";
    public const string ExportSeconds = "export_seconds";

    /// <summary>The best child: while the search runs the best iteration so far, at the end the final model the engine chose.</summary>
    public const string BestChildTag = "automl_best_child_run_id";

    /// <summary>How the final model was chosen among the best trial and the ensembles (their cross-fitted estimates).</summary>
    public const string BestChildSelectionTag = "automl_best_child_selection";
    public const string IterationsTag = "iterations";

    public const string ModelFile = "outputs/model.onnx";
    public const string ModelDescriptionFile = "outputs/model.onnx.json";
    public const string ScoringFile = "outputs/scoring_file_v_1_0_0.py";
    public const string CondaFile = "outputs/conda_env_v_1_0_0.yml";
    public const string GuardrailsFile = "outputs/data_guardrails.json";
    public const string FeaturizationFile = "outputs/featurization_summary.json";

    public static string SetupRunId(string parentRunId) => parentRunId + SetupSuffix;

    public static string IterationRunId(string parentRunId, int iteration) => $"{parentRunId}_{iteration}";

    /// <summary>azureml's form of an iteration's model name: <c>AutoML</c> and eleven hexadecimal digits derived from the run id.</summary>
    public static string ModelNameFor(string runId)
        => "AutoML" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(runId)))[..11];
}
