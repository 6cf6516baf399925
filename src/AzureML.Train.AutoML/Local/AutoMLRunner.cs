using AzureML.Core;
using AzureML.Core.Backends;
using AzureML.Core.Data;
using AzureML.Core.Internal;
using AzureML.Train.AutoML.Engine;
using AzureML.Train.AutoML.Engine.Data;
using AzureML.Train.AutoML.Engine.Learners;

namespace AzureML.Train.AutoML.Local;

/// <summary>
/// The body of the background process an AutoML run executes in (<c>AzureML.Train.AutoML.Runner</c>): it reads the
/// settings from the run's snapshot, reads the data with the SDK's reader, runs the engine and records every iteration
/// as a child run. The parent ends when the process does: completed, or failed with the reason recorded on it.
/// </summary>
internal static class AutoMLRunner
{
    public static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        if (args.Length != 1)
        {
            await Console.Error.WriteLineAsync($"usage: dotnet {AutoMLRunnerLocator.AssemblyFileName} <{RunnerSettings.FileName}>").ConfigureAwait(false);
            return 2;
        }

        Run parent = Run.GetContext(allowOffline: false);
        RunnerSettings settings = RunnerSettings.FromJson(await File.ReadAllTextAsync(args[0], cancellationToken).ConfigureAwait(false));
        var log = new RunnerLog(settings.DebugLogPath);
        RunRecord record = await parent.Workspace.Backend.Runs.GetAsync(parent.Id, cancellationToken).ConfigureAwait(false);
        var recorder = new ChildRunRecorder(parent.Workspace, record, settings.PrimaryMetric, log);
        log.Write($"AutoML run {parent.Id}: {settings.Task}, primary metric {settings.PrimaryMetric}, label '{settings.LabelColumn}', " +
            $"{settings.Concurrency} concurrent iteration(s) with {settings.ThreadsPerTrial} thread(s) each, timeout {settings.ExperimentTimeoutSeconds / 60:0.##} minutes.");
        recorder.SetupStarted();
        EngineResult result;
        try
        {
            TrainingData data = Read(settings, parent.Workspace);
            result = await new AutoMLEngine(data, EngineSettings(settings, data.Task), recorder).RunAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (error is not OperationCanceledException && !recorder.SetupDone)
        {
            // Reading the data, checking it against the settings or featurizing failed: the setup run says why.
            recorder.SetupFailed(error);
            return await FailAsync(parent, log, error is UserErrorException ? "UserError" : "SystemError", error.Message, cancellationToken).ConfigureAwait(false);
        }

        recorder.Finish(result);
        return result.Best is null
            ? await FailAsync(parent, log, "SystemError", "No iteration completed; see the iterations' errors.", cancellationToken).ConfigureAwait(false)
            : 0;
    }

    // As a script calling run.Fail(): the error is recorded and the process ends normally, so the run ends Failed
    // with this error rather than with a bare exit code.
    private static async Task<int> FailAsync(Run parent, RunnerLog log, string code, string message, CancellationToken cancellationToken)
    {
        log.Write("Failed: " + message);
        await parent.Workspace.Backend.Runs.RecordErrorAsync(parent.Id, new RunError(code, message), cancellationToken).ConfigureAwait(false);
        return 0;
    }

    private static TrainingData Read(RunnerSettings settings, Workspace workspace)
    {
        FeaturizationConfig featurization = settings.Featurization.Mode switch
        {
            FeaturizationConfig.AutoMode => FeaturizationConfig.Auto,
            FeaturizationConfig.OffMode => FeaturizationConfig.Off,
            _ => new FeaturizationConfig(settings.Featurization.Blocked, settings.Featurization.Purposes, settings.Featurization.Drop),
        };
        return TrainingDataBuilder.Build(new TrainingDataBuilder.Request
        {
            Training = Read(settings.Training, workspace),
            Validation = settings.Validation is null ? null : Read(settings.Validation, workspace),
            Task = settings.Task == "classification" ? TaskKind.Classification : TaskKind.Regression,
            LabelColumn = settings.LabelColumn,
            WeightColumn = settings.WeightColumn,
            CustomSplitColumns = settings.CvSplitColumns,
            PositiveLabel = settings.PositiveLabel,
            Featurization = featurization.ToSettings(),
        });
    }

    private static DataFrame Read(RunnerSettings.DataSourceJson source, Workspace workspace)
    {
        if (source.DatasetDefinition is { } definition)
        {
            return new TabularDataset(DatasetDefinition.FromJson(definition, "the AutoML training data"), workspace, null).ToDataFrame();
        }

        return Dataset.Tabular.FromDelimitedFiles(Path.GetFullPath(source.File!), setColumnTypes: source.ColumnTypes).ToDataFrame();
    }

    private static EngineSettings EngineSettings(RunnerSettings settings, TaskKind task) => new()
    {
        PrimaryMetric = settings.PrimaryMetric,
        Learners = LearnerCatalog.For(task).Where(l => settings.Learners.Contains(l.Name)).ToList(),
        Iterations = settings.Iterations,
        ExperimentTimeout = TimeSpan.FromSeconds(settings.ExperimentTimeoutSeconds),
        IterationTimeout = settings.IterationTimeoutSeconds is double seconds ? TimeSpan.FromSeconds(seconds) : null,
        Concurrency = settings.Concurrency,
        ThreadsPerTrial = settings.ThreadsPerTrial,
        ExitScore = settings.ExitScore,
        EarlyStopping = settings.EarlyStopping,
        VotingEnsemble = settings.VotingEnsemble,
        StackEnsemble = settings.StackEnsemble,
        CrossValidations = settings.CrossValidations,
        ValidationSize = settings.ValidationSize,
        Featurize = settings.Featurization.Mode != FeaturizationConfig.OffMode,
        Seed = settings.Seed,
    };
}
