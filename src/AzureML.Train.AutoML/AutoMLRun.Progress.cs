using System.Globalization;
using AzureML.Core;
using AzureML.Train.AutoML.Engine.Metrics;
using AzureML.Train.AutoML.Local;

namespace AzureML.Train.AutoML;

public partial class AutoMLRun
{
    private const string Rule = "****************************************************************************************************";
    private static readonly TimeSpan s_pollInterval = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// Waits until the experiment ends. With output, prints what azureml prints: the setup stages, the data
    /// guardrails, then one line per iteration as it finishes (ITER, PIPELINE, DURATION, METRIC, BEST).
    /// </summary>
    /// <param name="output">Receives each line; null to wait silently.</param>
    /// <param name="raiseOnError">Throw <see cref="ActivityFailedException"/> when the experiment did not complete.</param>
    /// <param name="cancellationToken">Stops waiting (the experiment goes on).</param>
    public override async Task<RunDetails> WaitForCompletionAsync(Action<string>? output, bool raiseOnError = true, CancellationToken cancellationToken = default)
    {
        if (output is not null) await StreamProgressAsync(output, cancellationToken).ConfigureAwait(false);
        RunDetails details = await base.WaitForCompletionAsync(null, raiseOnError: false, cancellationToken).ConfigureAwait(false);
        await SettleChildrenAsync(cancellationToken).ConfigureAwait(false);
        if (output is not null)
        {
            output("");
            output($"Run {Id} ended: {details.Status}{(details.Error is null ? "" : " - " + details.Error.Message)}");
        }

        if (raiseOnError && details.Status != RunStatus.Completed)
        {
            throw new ActivityFailedException($"AutoML run '{Id}' ended as {details.Status}{(details.Error is null ? "" : ": " + details.Error.Message)}", details);
        }

        return details;
    }

    private async Task StreamProgressAsync(Action<string> output, CancellationToken cancellationToken)
    {
        string metric = PrimaryMetric;
        bool announcedSetup = false, announcedSelection = false;
        var printed = new HashSet<string>(StringComparer.Ordinal);
        double best = double.NaN;
        while (true)
        {
            bool ended = (await GetStatusAsync(cancellationToken).ConfigureAwait(false)).IsTerminal;
            IReadOnlyList<Run> children = await GetChildrenAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            Run? setup = children.FirstOrDefault(c => c.Id == ChildRunContract.SetupRunId(Id));
            if (setup is not null && !announcedSetup)
            {
                announcedSetup = true;
                output("Current status: FeaturesGeneration. Generating features for the dataset.");
                output("Current status: DatasetCrossValidationSplit. Generating individually featurized CV splits.");
            }

            if (setup is { Status.IsTerminal: true } && !announcedSelection)
            {
                announcedSelection = true;
                output("Current status: ModelSelection. Beginning model selection.");
                output("");
                output(Rule);
                output("DATA GUARDRAILS: ");
                foreach (DataGuardrail guardrail in await ReadGuardrailsAsync(cancellationToken).ConfigureAwait(false))
                {
                    output("");
                    foreach (string line in guardrail.ToString().Split('\n')) output(line.TrimEnd('\r'));
                }

                output("");
                output(Rule);
                output("ITER: The iteration being evaluated.");
                output("PIPELINE: A summary description of the pipeline being evaluated.");
                output("DURATION: Time taken for the current iteration.");
                output("METRIC: The result of computing score on the fitted pipeline.");
                output("BEST: The best observed score thus far.");
                output(Rule);
                output("");
                output($"{"ITER",5}   {"PIPELINE",-45}  {"DURATION",-18}{"METRIC",10}{"BEST",10}");
            }

            foreach (Run child in children.Where(c => c.Status.IsTerminal && c.Properties.ContainsKey(ChildRunContract.Iteration) && !printed.Contains(c.Id))
                .OrderBy(c => int.Parse(c.Properties[ChildRunContract.Iteration], CultureInfo.InvariantCulture)))
            {
                printed.Add(child.Id);
                double score = double.NaN;
                if (child.Status == RunStatus.Completed)
                {
                    IReadOnlyDictionary<string, object> metrics = await child.GetMetricsAsync(metric, cancellationToken: cancellationToken).ConfigureAwait(false);
                    if (metrics.TryGetValue(metric, out object? value) && value is not null) score = Convert.ToDouble(value, CultureInfo.InvariantCulture);
                }

                if (MetricCatalog.Compare(metric, score, best) > 0) best = score;
                output(IterationLine(child, score, best));
            }

            if (ended)
            {
                if (Tags.TryGetValue(ChildRunContract.BestChildTag, out string? bestId) && Tags.TryGetValue(ChildRunContract.BestChildSelectionTag, out string? selection))
                {
                    output("");
                    output($"Best child: {bestId}, chosen by {selection}.");
                }

                return;
            }

            await Task.Delay(s_pollInterval, cancellationToken).ConfigureAwait(false);
        }
    }

    private static string IterationLine(Run child, double score, double best)
    {
        string preprocessor = child.Properties.GetValueOrDefault(ChildRunContract.Preprocessor, "None");
        string algorithm = child.Properties.GetValueOrDefault(ChildRunContract.Algorithm, "");
        string pipeline = preprocessor == "None" ? algorithm : preprocessor + " " + algorithm;
        RunDetails details = child.GetDetails();
        TimeSpan duration = details.StartTimeUtc is { } start && details.EndTimeUtc is { } end ? end - start : TimeSpan.Zero;
        string status = child.Status == RunStatus.Completed ? "" : $" ({child.Status})";
        static string Number(double value) => double.IsNaN(value) ? "nan" : value.ToString("0.0000", CultureInfo.InvariantCulture);
        return $"{child.Properties[ChildRunContract.Iteration],5}   {(pipeline + status),-45}  {duration:h\\:mm\\:ss}{"",-11}{Number(score),10}{Number(best),10}";
    }
}
