using System.Globalization;
using AzureML.Core;
using AzureML.Core.Internal;
using AzureML.Train.AutoML.Engine.Metrics;
using AzureML.Train.AutoML.Local;

namespace AzureML.Train.AutoML;

public partial class AutoMLRun
{
    /// <summary>
    /// The best iteration and its fitted model: by the primary metric, by <paramref name="metric"/>, or the iteration
    /// numbered <paramref name="iteration"/> (azureml's <c>get_output</c>).
    /// </summary>
    /// <param name="iteration">An iteration number; exclusive with <paramref name="metric"/>.</param>
    /// <param name="metric">A metric to rank completed iterations by instead of the primary metric.</param>
    /// <param name="returnOnnxModel">Accepted for azureml compatibility: the fitted model always is the iteration's ONNX model.</param>
    /// <exception cref="ConfigException">Both <paramref name="iteration"/> and <paramref name="metric"/> were given, or the metric is unknown.</exception>
    /// <exception cref="UserErrorException">No iteration matches, or it has no model.</exception>
    public virtual (Run BestRun, FittedModel FittedModel) GetOutput(int? iteration = null, string? metric = null, bool returnOnnxModel = false)
        => GetOutputAsync(iteration, metric, returnOnnxModel).EnsureCompleted();

    /// <inheritdoc cref="GetOutput"/>
    /// <param name="iteration">An iteration number.</param>
    /// <param name="metric">A metric to rank by.</param>
    /// <param name="returnOnnxModel">Accepted for azureml compatibility.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual async Task<(Run BestRun, FittedModel FittedModel)> GetOutputAsync(int? iteration = null, string? metric = null, bool returnOnnxModel = false,
        CancellationToken cancellationToken = default)
    {
        if (iteration is not null && metric is not null)
        {
            throw new ConfigException("GetOutput takes either iteration or metric, not both (ConflictingValueForArguments).", "iteration");
        }

        Run run = iteration is int number ? await IterationAsync(number, cancellationToken).ConfigureAwait(false) : await GetBestChildAsync(metric, cancellationToken: cancellationToken).ConfigureAwait(false);
        return (run, await LoadModelAsync(run, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>
    /// Without <paramref name="metric"/>, the best child the experiment chose (its <c>automl_best_child_run_id</c> tag:
    /// the best iteration so far while it runs, at the end the final model chosen among the best trial and the
    /// ensembles by their cross-fitted primary metric); with <paramref name="metric"/>, the completed iteration with
    /// the best value of that metric.
    /// </summary>
    /// <param name="metric">Any metric the iterations log.</param>
    /// <param name="onnxCompatible">Accepted for azureml compatibility: every iteration's model is ONNX.</param>
    /// <exception cref="UserErrorException">No iteration has completed with that metric.</exception>
    public virtual Run GetBestChild(string? metric = null, bool onnxCompatible = false) => GetBestChildAsync(metric, onnxCompatible).EnsureCompleted();

    /// <inheritdoc cref="GetBestChild"/>
    /// <param name="metric">Any metric the iterations log.</param>
    /// <param name="onnxCompatible">Accepted for azureml compatibility.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual async Task<Run> GetBestChildAsync(string? metric = null, bool onnxCompatible = false, CancellationToken cancellationToken = default)
    {
        string name = metric ?? PrimaryMetric;
        IReadOnlyList<Run> iterations = await IterationsAsync(cancellationToken).ConfigureAwait(false);
        if (metric is null)
        {
            await RefreshAsync(cancellationToken).ConfigureAwait(false);
            if (Tags.TryGetValue(ChildRunContract.BestChildTag, out string? bestId)
                && iterations.FirstOrDefault(c => c.Id == bestId && c.Status == RunStatus.Completed) is { } chosen)
            {
                return chosen;
            }
        }

        var scored = new List<(Run Run, double Score)>();
        foreach (Run child in iterations)
        {
            if (child.Status != RunStatus.Completed) continue;
            IReadOnlyDictionary<string, object> metrics = await child.GetMetricsAsync(name, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (metrics.TryGetValue(name, out object? value) && value is not null) scored.Add((child, Convert.ToDouble(value, CultureInfo.InvariantCulture)));
        }

        if (scored.Count == 0)
        {
            throw new UserErrorException(metric is null
                ? $"AutoML run '{Id}' has no completed iteration yet."
                : $"No completed iteration of AutoML run '{Id}' logged the metric '{metric}'. Metrics are azureml's names, e.g. AUC_weighted, accuracy, r2_score.");
        }

        // The best score; the earlier iteration of equals.
        return scored.Aggregate((best, next) => MetricCatalog.Compare(name, next.Score, best.Score) > 0 ? next : best).Run;
    }

    /// <summary>
    /// Registers an iteration's ONNX model (the best by the primary metric unless <paramref name="iteration"/> or
    /// <paramref name="metric"/> say otherwise) as framework Onnx. The default name is the iteration's
    /// <c>model_name</c> property, as azureml names it.
    /// </summary>
    /// <param name="modelName">The model name.</param>
    /// <param name="description">A description.</param>
    /// <param name="tags">Tags.</param>
    /// <param name="iteration">An iteration number.</param>
    /// <param name="metric">A metric to choose the iteration by.</param>
    public virtual Model RegisterModel(string? modelName = null, string? description = null, IReadOnlyDictionary<string, string>? tags = null,
        int? iteration = null, string? metric = null)
        => RegisterModelAsync(modelName, description, tags, iteration, metric).EnsureCompleted();

    /// <inheritdoc cref="RegisterModel(string?, string?, IReadOnlyDictionary{string, string}?, int?, string?)"/>
    /// <param name="modelName">The model name.</param>
    /// <param name="description">A description.</param>
    /// <param name="tags">Tags.</param>
    /// <param name="iteration">An iteration number.</param>
    /// <param name="metric">A metric to choose the iteration by.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual async Task<Model> RegisterModelAsync(string? modelName = null, string? description = null, IReadOnlyDictionary<string, string>? tags = null,
        int? iteration = null, string? metric = null, CancellationToken cancellationToken = default)
    {
        if (iteration is not null && metric is not null) throw new ConfigException("RegisterModel takes either iteration or metric, not both.", "iteration");
        Run run = iteration is int number ? await IterationAsync(number, cancellationToken).ConfigureAwait(false) : await GetBestChildAsync(metric, cancellationToken: cancellationToken).ConfigureAwait(false);
        string name = modelName ?? run.Properties.GetValueOrDefault(ChildRunContract.ModelName)
            ?? DefaultModelName(iteration is not null ? iteration.Value.ToString(CultureInfo.InvariantCulture) : metric ?? "best");
        return await run.RegisterModelAsync(name, ChildRunContract.ModelFile, tags, properties: null, Model.Framework.Onnx, description: description,
            cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Per algorithm: iterations and best primary metric value.</summary>
    public virtual AutoMLSummary Summary() => SummaryAsync().EnsureCompleted();

    /// <inheritdoc cref="Summary"/>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual async Task<AutoMLSummary> SummaryAsync(CancellationToken cancellationToken = default)
    {
        string metric = PrimaryMetric;
        var rows = new Dictionary<string, (int Count, double Best)>(StringComparer.Ordinal);
        foreach (Run child in await IterationsAsync(cancellationToken).ConfigureAwait(false))
        {
            string algorithm = child.Properties.GetValueOrDefault(ChildRunContract.Algorithm, "?");
            double score = double.NaN;
            if (child.Status == RunStatus.Completed)
            {
                IReadOnlyDictionary<string, object> metrics = await child.GetMetricsAsync(metric, cancellationToken: cancellationToken).ConfigureAwait(false);
                if (metrics.TryGetValue(metric, out object? value) && value is not null) score = Convert.ToDouble(value, CultureInfo.InvariantCulture);
            }

            (int count, double best) = rows.GetValueOrDefault(algorithm, (0, double.NaN));
            rows[algorithm] = (count + 1, MetricCatalog.Compare(metric, score, best) > 0 ? score : best);
        }

        return new AutoMLSummary(metric, rows
            .OrderByDescending(r => r.Value.Best, Comparer<double>.Create((a, b) => MetricCatalog.Compare(metric, a, b)))
            .Select(r => new AutoMLSummaryRow(r.Key, r.Value.Count, r.Value.Best)).ToList());
    }

    /// <summary>The data guardrails the setup iteration computed (empty until setup has completed).</summary>
    /// <param name="toConsole">Also print them, as azureml does.</param>
    public virtual IReadOnlyList<DataGuardrail> GetGuardrails(bool toConsole = true) => GetGuardrailsAsync(toConsole).EnsureCompleted();

    /// <inheritdoc cref="GetGuardrails"/>
    /// <param name="toConsole">Also print them.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual async Task<IReadOnlyList<DataGuardrail>> GetGuardrailsAsync(bool toConsole = true, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<DataGuardrail> guardrails = await ReadGuardrailsAsync(cancellationToken).ConfigureAwait(false);
        if (toConsole)
        {
            foreach (DataGuardrail guardrail in guardrails)
            {
                Console.WriteLine(guardrail);
                Console.WriteLine();
            }
        }

        return guardrails;
    }

    internal async Task<IReadOnlyList<DataGuardrail>> ReadGuardrailsAsync(CancellationToken cancellationToken)
    {
        string setup = ChildRunContract.SetupRunId(Id);
        IReadOnlyList<string> files = await Workspace.Backend.Artifacts.ListAsync(setup, ChildRunContract.GuardrailsFile, cancellationToken).ToListAsync(cancellationToken).ConfigureAwait(false);
        if (!files.Contains(ChildRunContract.GuardrailsFile)) return Array.Empty<DataGuardrail>();
        using var reader = new StreamReader(await Workspace.Backend.Artifacts.OpenReadAsync(setup, ChildRunContract.GuardrailsFile, cancellationToken).ConfigureAwait(false));
        return DataGuardrail.FromJson(await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false));
    }

    private async Task<Run> IterationAsync(int iteration, CancellationToken cancellationToken)
    {
        string text = iteration.ToString(CultureInfo.InvariantCulture);
        IReadOnlyList<Run> iterations = await IterationsAsync(cancellationToken).ConfigureAwait(false);
        return iterations.FirstOrDefault(r => r.Properties[ChildRunContract.Iteration] == text)
            ?? throw new UserErrorException($"AutoML run '{Id}' has no iteration {iteration}; it has iterations 0 to {iterations.Count - 1}.");
    }

    private async Task<FittedModel> LoadModelAsync(Run run, CancellationToken cancellationToken)
    {
        if (run.Status != RunStatus.Completed) throw new UserErrorException($"Iteration run '{run.Id}' is {run.Status}; only completed iterations have a model.");
        using Stream stream = await Workspace.Backend.Artifacts.OpenReadAsync(run.Id, ChildRunContract.ModelFile, cancellationToken).ConfigureAwait(false);
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        return new FittedModel(buffer.ToArray());
    }

    // azureml: the run id without underscores, first 15 characters, then what chose the model; at most 29 characters.
    private string DefaultModelName(string suffix)
    {
        string compact = new(Id.Replace("_", "", StringComparison.Ordinal).Where(c => char.IsLetterOrDigit(c) || c is '-' or '.').ToArray());
        string name = compact[..Math.Min(15, compact.Length)] + suffix.Replace("_", "", StringComparison.Ordinal);
        return name.Length <= 29 ? name : name[..29];
    }
}
