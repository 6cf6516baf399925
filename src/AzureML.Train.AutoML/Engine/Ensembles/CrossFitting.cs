using AzureML.Train.AutoML.Engine.Metrics;
using AzureML.Train.AutoML.Engine.Trials;
using AzureML.Train.AutoML.Engine.Validation;

namespace AzureML.Train.AutoML.Engine.Ensembles;

/// <summary>
/// Estimates how a selection rule's pick scores on rows the pick was not made on. The best of a hundred trials'
/// out-of-fold scores is biased upward by the selection itself (by about 0.01 AUC on a few hundred rows), while an
/// ensemble's score carries a different bias, so comparing the raw scores favours whichever was selected hardest.
/// Here the validated rows are halved at random (stratified by class) <see cref="Halvings"/> times; the rule picks
/// on one half's out-of-fold predictions and its pick is scored on the other half, both ways round, and the scores
/// are averaged. Every rule is estimated on the same halves, so the halves' spread of two options' difference
/// measures how sure that difference is (<see cref="CrossFittedEstimate.StandardErrorOfDifference"/>).
/// </summary>
internal sealed class CrossFitting
{
    /// <summary>How many random halvings are averaged.</summary>
    public const int Halvings = 5;

    private readonly TrialData _shared;
    private readonly string _metric;
    private readonly List<Half> _halves = new();

    /// <summary>Halves the validated rows of <paramref name="shared"/> and ranks <paramref name="trials"/> on each half once.</summary>
    public CrossFitting(TrialData shared, string metric, int seed, IReadOnlyList<TrialOutcome> trials)
    {
        _shared = shared;
        _metric = metric;
        int[] rows = shared.ValidatedRows.Distinct().Order().ToArray();
        for (int h = 0; h < Halvings; h++)
        {
            int[] half = FoldPlan.Assign(shared.Data, rows, 2, seed + h);
            var first = new HashSet<int>(rows.Where((_, i) => half[i] == 0));
            bool[] a = shared.ValidatedRows.Select(first.Contains).ToArray();
            bool[] b = a.Select(x => !x).ToArray();
            _halves.Add(new Half(this, a, b, trials));
            _halves.Add(new Half(this, b, a, trials));
        }
    }

    /// <summary>The loss of out-of-fold predictions on all validated rows, or on the marked positions.</summary>
    public double Loss(Predictions outOfFold, bool[]? positions = null) => MetricCatalog.Loss(_metric, _shared.Score(outOfFold, _metric, positions));

    /// <summary>The trials best first by <paramref name="loss"/>, earlier iterations first among equals.</summary>
    public static List<TrialOutcome> Rank(IEnumerable<TrialOutcome> trials, Func<Predictions, double> loss)
        => trials.Select(t => (Trial: t, Loss: loss(t.OutOfFold))).Where(t => !double.IsNaN(t.Loss))
            .OrderBy(t => t.Loss).ThenBy(t => t.Trial.Iteration).Select(t => t.Trial).ToList();

    /// <summary>The primary metric of <paramref name="rule"/>'s picks among the trials, each scored on the half it did not pick on.</summary>
    public CrossFittedEstimate Estimate(SelectionRule rule) => new(_halves.AsParallel().AsOrdered().Select(half =>
        half.Ranked.Count == 0 ? double.NaN : _shared.Score(rule(half.Ranked, half.Loss).OutOfFold, _metric, half.Score)).ToArray());

    /// <summary>The primary metric of fixed out-of-fold predictions (a model fitted without selecting on these rows) on the same halves.</summary>
    public CrossFittedEstimate Estimate(Predictions outOfFold) => new(_halves.Select(half => _shared.Score(outOfFold, _metric, half.Score)).ToArray());

    // One way round of a halving: the rules pick on Select (the trials ranked there) and are scored on Score.
    private sealed class Half
    {
        public Half(CrossFitting owner, bool[] select, bool[] score, IReadOnlyList<TrialOutcome> trials)
        {
            Loss = p => owner.Loss(p, select);
            Score = score;
            Ranked = Rank(trials, Loss);
        }

        public Func<Predictions, double> Loss { get; }

        public bool[] Score { get; }

        public List<TrialOutcome> Ranked { get; }
    }
}
