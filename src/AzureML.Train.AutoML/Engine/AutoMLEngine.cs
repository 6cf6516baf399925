using System.Diagnostics;
using AzureML.Train.AutoML.Engine.Data;
using AzureML.Train.AutoML.Engine.Ensembles;
using AzureML.Train.AutoML.Engine.Featurization;
using AzureML.Train.AutoML.Engine.Guardrails;
using AzureML.Train.AutoML.Engine.Learners;
using AzureML.Train.AutoML.Engine.Metrics;
using AzureML.Train.AutoML.Engine.OnnxExport;
using AzureML.Train.AutoML.Engine.Search;
using AzureML.Train.AutoML.Engine.Trials;
using AzureML.Train.AutoML.Engine.Validation;
using Onnx;

namespace AzureML.Train.AutoML.Engine;

/// <summary>
/// The local AutoML loop: set up (validation plan, featurized folds, guardrails), search with the cost-frugal
/// tuner running up to <see cref="EngineSettings.Concurrency"/> trials at once, stop on the first of iterations,
/// time, exit score, early stopping or cancellation, then build the ensembles. With a concurrency of 1 the same
/// seed and data give the same iterations.
/// </summary>
internal sealed class AutoMLEngine
{
    /// <summary>Early stopping looks only after this many iterations (azureml's rule)…</summary>
    public const int EarlyStoppingStart = 20;

    /// <summary>…and stops after this many more without improvement.</summary>
    public const int EarlyStoppingWindow = 10;

    /// <summary>
    /// The share of the experiment time kept for the ensembles and the choice of the final model at the end: they
    /// train nothing new, but cross-fitting the selection rules scores a few thousand blends.
    /// </summary>
    public const double EnsembleTimeShare = 0.05;

    private readonly TrainingData _data;
    private readonly EngineSettings _settings;
    private readonly IEngineMonitor _monitor;
    private readonly object _gate = new();
    private readonly List<TrialOutcome> _completed = new();
    private TrialOutcome? _best;
    private int _bestIteration = -1;
    private int _finished;
    private string? _stopReason;

    public AutoMLEngine(TrainingData data, EngineSettings settings, IEngineMonitor monitor)
    {
        _data = data;
        _settings = settings;
        _monitor = monitor;
    }

    public async Task<EngineResult> RunAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        EngineSetup setup = Setup(cancellationToken);
        _monitor.SetupCompleted(setup);

        using var search = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (_settings.ExperimentTimeout is TimeSpan timeout)
        {
            TimeSpan reserve = TimeSpan.FromTicks((long)(timeout.Ticks * EnsembleTimeShare));
            TimeSpan left = timeout - reserve - clock.Elapsed;
            if (left <= TimeSpan.Zero) search.Cancel();
            else search.CancelAfter(left);
        }

        await SearchAsync(setup.Shared, search, cancellationToken).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        _stopReason ??= search.IsCancellationRequested ? "experiment timeout" : "iterations";
        List<TrialOutcome> trials = BestTrials(int.MaxValue);
        if ((!_settings.VotingEnsemble && !_settings.StackEnsemble) || trials.Count < 2)
        {
            return new EngineResult(setup, _completed.ToList(), _best, _stopReason, _finished);
        }

        var crossFitting = new CrossFitting(setup.Shared, _settings.PrimaryMetric, _settings.Seed, trials);
        var choices = new List<FinalModelOption>
        {
            new(trials[0], crossFitting.Estimate(SelectionRules.BestTrial), null),
            new(SelectionRules.BestStart(trials, p => crossFitting.Loss(p)).Members[0], crossFitting.Estimate(SelectionRules.BestStart), SelectionRules.BestStartName),
        };
        if (_settings.VotingEnsemble) choices.Add(BuildVotingEnsemble(setup.Shared, crossFitting, trials));
        if (_settings.StackEnsemble && BuildStackEnsemble(setup.Shared) is { } stack) choices.Add(new(stack, crossFitting.Estimate(stack.OutOfFold), null));
        FinalModelChoice choice = FinalModelChoice.Choose(_settings.PrimaryMetric, choices);
        return new EngineResult(setup, _completed.ToList(), choice.Best ?? _best, _stopReason, _finished) { Selection = choice.Description };
    }

    private EngineSetup Setup(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        FoldPlan folds = FoldPlan.Create(_data, _settings.CrossValidations, _settings.ValidationSize, _settings.Seed);
        TrialData shared = TrialData.Prepare(_data, folds, _settings.Featurize, _settings.Seed, cancellationToken);
        return new EngineSetup(shared, GuardrailChecks.Run(_data, shared.Plan, folds), clock.Elapsed);
    }

    private async Task SearchAsync(TrialData shared, CancellationTokenSource search, CancellationToken cancellationToken)
    {
        LearnerContext context = Context(shared);
        var tuner = new CostFrugalTuner(_settings.Learners.Select(l => (l, l.Space(context), l.StartCost(context), l.WarmStarts(context))), _settings.Seed);
        int? maxTrials = _settings.Iterations is int n ? Math.Max(1, n - _settings.EnsembleIterations) : null;
        var running = new List<Task>();
        int started = 0;
        while (true)
        {
            while (running.Count < _settings.Concurrency && !search.IsCancellationRequested && (maxTrials is null || started < maxTrials) && !Stopped())
            {
                (Learner learner, TrialConfig config) = tuner.Propose();
                var start = new TrialStart(started++, learner.Name, learner.Preprocessor(config), config);
                lock (_gate) _monitor.TrialStarted(start);
                running.Add(Task.Run(() => RunTrial(shared, tuner, learner, context, start, search.Token)));
            }

            if (running.Count == 0) break;
            Task done = await Task.WhenAny(running).ConfigureAwait(false);
            running.Remove(done);
            await done.ConfigureAwait(false);
            if (Stopped()) search.Cancel();
        }

        cancellationToken.ThrowIfCancellationRequested();
    }

    private bool Stopped()
    {
        lock (_gate) return _stopReason is not null;
    }

    private void RunTrial(TrialData shared, CostFrugalTuner tuner, Learner learner, LearnerContext context, TrialStart start, CancellationToken searchToken)
    {
        var clock = Stopwatch.StartNew();
        using var trialStop = CancellationTokenSource.CreateLinkedTokenSource(searchToken);
        if (_settings.IterationTimeout is TimeSpan limit) trialStop.CancelAfter(limit);
        try
        {
            TrialResult result = TrialRunner.Run(shared, learner, start.Config, context, trialStop.Token);
            if (_settings.IterationTimeout is TimeSpan allowed && clock.Elapsed > allowed)
            {
                // The timer that stops a trial can fire only after a short trial has finished past its limit.
                trialStop.Cancel();
                trialStop.Token.ThrowIfCancellationRequested();
            }

            var export = Stopwatch.StartNew();
            string pipeline = Describe(shared, learner, context, start);
            ModelProto model = TrialExporter.Export(shared, result, new OnnxModelSpec { Data = _data, Algorithm = learner.Name, Pipeline = pipeline });
            var outcome = new TrialOutcome
            {
                Start = start,
                Metrics = result.Metrics,
                OutOfFold = result.OutOfFold,
                Model = model,
                Pipeline = pipeline,
                Duration = clock.Elapsed,
                TrainTime = result.TrainTime,
                ExportTime = export.Elapsed,
            };
            lock (_gate)
            {
                tuner.Report(learner, start.Config, MetricCatalog.Loss(_settings.PrimaryMetric, result.Metrics[_settings.PrimaryMetric]), learner.Cost(context, start.Config, result.Model));
                Complete(outcome);
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            bool timedOut = ex is OperationCanceledException && trialStop.IsCancellationRequested && !searchToken.IsCancellationRequested;
            bool canceled = ex is OperationCanceledException && searchToken.IsCancellationRequested;
            Exception error = timedOut
                ? new TimeoutException($"The iteration exceeded iterationTimeoutMinutes ({_settings.IterationTimeout!.Value.TotalMinutes:0.##} minutes) and was stopped.", ex)
                : ex;
            lock (_gate)
            {
                tuner.Report(learner, start.Config, double.PositiveInfinity, learner.Cost(context, start.Config));
                _finished++;
                _monitor.TrialEnded(start, canceled, error, clock.Elapsed);
            }
        }
    }

    // Called under the gate.
    private void Complete(TrialOutcome outcome)
    {
        _completed.Add(outcome);
        _finished++;
        double score = outcome.Metrics[_settings.PrimaryMetric];
        if (_best is null || MetricCatalog.Compare(_settings.PrimaryMetric, score, _best.Metrics[_settings.PrimaryMetric]) > 0)
        {
            _best = outcome;
            _bestIteration = _finished;
        }

        _monitor.TrialCompleted(outcome);
        if (_settings.ExitScore is double exit && MetricCatalog.Compare(_settings.PrimaryMetric, score, exit) >= 0)
        {
            _stopReason ??= $"experimentExitScore {exit} reached";
        }

        if (_settings.EarlyStopping && _finished >= EarlyStoppingStart + EarlyStoppingWindow
            && _finished - Math.Max(_bestIteration, EarlyStoppingStart) >= EarlyStoppingWindow)
        {
            _stopReason ??= $"early stopping: no improvement in the last {EarlyStoppingWindow} iterations";
        }
    }

    // The best trials (not ensembles) by the primary metric, earlier iterations first among equals.
    private List<TrialOutcome> BestTrials(int count) => _completed
        .Where(o => o.Members.Count == 0 && !double.IsNaN(o.Metrics[_settings.PrimaryMetric]))
        .OrderByDescending(o => o.Metrics[_settings.PrimaryMetric], Comparer<double>.Create((a, b) => MetricCatalog.Compare(_settings.PrimaryMetric, a, b)))
        .ThenBy(o => o.Iteration)
        .Take(count)
        .ToList();

    private TrialOutcome? BuildStackEnsemble(TrialData shared)
    {
        List<TrialOutcome> members = BestTrials(StackEnsembleBuilder.MaxMembers);
        if (members.Count < 2) return null;
        var clock = Stopwatch.StartNew();
        var start = new TrialStart(_finished, "StackEnsemble", "None", new TrialConfig(Array.Empty<(string, object)>()));
        lock (_gate) _monitor.TrialStarted(start);
        var spec = new OnnxModelSpec { Data = _data, Algorithm = "StackEnsemble", Pipeline = "StackEnsemble" };
        (Predictions outOfFold, ModelProto model, string pipeline) = StackEnsembleBuilder.Build(shared, members, _settings.Seed, spec);
        OnnxModelFinisher.Describe(model, spec with { Pipeline = pipeline });
        var outcome = new TrialOutcome
        {
            Start = start,
            Metrics = shared.Evaluate(outOfFold),
            OutOfFold = outOfFold,
            Model = model,
            Pipeline = pipeline,
            Duration = clock.Elapsed,
            Members = members.Select(m => (m.Iteration, 1.0 / members.Count)).ToList(),
        };
        lock (_gate) Complete(outcome);
        return outcome;
    }

    // The voting ensemble by whichever selection rule has the better cross-fitted estimate, refit on all rows.
    private FinalModelOption BuildVotingEnsemble(TrialData shared, CrossFitting crossFitting, List<TrialOutcome> trials)
    {
        var clock = Stopwatch.StartNew();
        var start = new TrialStart(_finished, "VotingEnsemble", "None", new TrialConfig(Array.Empty<(string, object)>()));
        lock (_gate) _monitor.TrialStarted(start);
        var rules = new (string Name, SelectionRule Rule)[] { ("Caruana selection", SelectionRules.Caruana(_settings.Seed)), ("equal weights", SelectionRules.EqualWeights) };
        FinalModelOption[] estimated = rules.Select(r => new FinalModelOption(null, crossFitting.Estimate(r.Rule), r.Name)).ToArray();
        int chosen = FinalModelChoice.IndexOfBest(_settings.PrimaryMetric, estimated);
        Blend blend = rules[chosen].Rule(trials, p => crossFitting.Loss(p));
        string pipeline = $"VotingEnsemble({rules[chosen].Name}: " + string.Join(", ", blend.Members.Select((m, i) => $"{blend.Weights[i]:0.###} x iteration {m.Iteration} {m.Algorithm}")) + ")";
        ModelProto model = OnnxEnsembleMerger.Vote(blend.Members.Select(m => m.Model).ToList(), blend.Weights,
            new OnnxModelSpec { Data = _data, Algorithm = "VotingEnsemble", Pipeline = pipeline });
        Predictions outOfFold = blend.OutOfFold;
        var outcome = new TrialOutcome
        {
            Start = start,
            Metrics = shared.Evaluate(outOfFold),
            OutOfFold = outOfFold,
            Model = model,
            Pipeline = pipeline,
            Duration = clock.Elapsed,
            Members = blend.Members.Select((m, i) => (m.Iteration, blend.Weights[i])).ToList(),
        };
        lock (_gate) Complete(outcome);
        return estimated[chosen] with { Outcome = outcome };
    }

    private LearnerContext Context(TrialData shared) => new()
    {
        Task = _data.Task,
        Classes = _data.Classes,
        Rows = shared.Final.Train.GetRowCount() is long rows ? (int)rows : _data.TrainingRowCount,
        Features = shared.Final.FeatureCount,
        HasWeights = _data.Weights is not null,
        Threads = _settings.ThreadsPerTrial,
        Seed = _settings.Seed,
    };

    private static string Describe(TrialData shared, Learner learner, LearnerContext context, TrialStart start)
    {
        string scaler = start.Preprocessor == "None" ? "" : start.Preprocessor + " -> ";
        return $"featurize({FeaturizerDescription.Describe(shared.Plan)}) -> {scaler}{learner.Component(context)}({start.Config})";
    }
}
