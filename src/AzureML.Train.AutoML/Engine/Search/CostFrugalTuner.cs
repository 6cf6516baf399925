using AzureML.Train.AutoML.Engine.Learners;

namespace AzureML.Train.AutoML.Engine.Search;

/// <summary>
/// Chooses what to try next across learners, FLAML-style: each learner's low-cost start first (cheapest
/// learner first), then each learner's few warm starts (configurations that do well on most tabular data),
/// then the learner whose estimated cost for improvement is smallest is more likely to be picked — the cost it
/// took to find its last improvement, or the cost spent since, and, for a learner behind the leader, the cost
/// its recent rate of improvement needs to close twice the gap. Within a learner a <see cref="LocalSearch"/> proposes the configuration. Deterministic for a seed and an order of results.
/// </summary>
internal sealed class CostFrugalTuner
{
    private readonly List<LearnerState> _learners;
    private readonly Random _random;
    private double _bestLoss = double.PositiveInfinity;

    /// <param name="learners">Each learner with its search space, the cost of its starting configuration and its warm starts.</param>
    /// <param name="seed">The seed of every random choice.</param>
    public CostFrugalTuner(IEnumerable<(Learner Learner, SearchSpace Space, double StartCost, IReadOnlyList<TrialConfig> WarmStarts)> learners, int seed)
    {
        _random = new Random(seed);
        _learners = learners.Select((l, i) =>
        {
            var search = new LocalSearch(l.Space, seed + (7919 * (i + 1)));
            search.WarmStart(l.WarmStarts);
            return new LearnerState(l.Learner, search, l.StartCost);
        }).ToList();
        if (_learners.Count == 0) throw new ArgumentException("No learner to search.", nameof(learners));
    }

    public double BestLoss => _bestLoss;

    /// <summary>The learner and configuration to try next.</summary>
    public (Learner Learner, TrialConfig Config) Propose()
    {
        LearnerState chosen = Choose();
        chosen.Proposed++;
        return (chosen.Learner, chosen.Search.Propose());
    }

    /// <summary>Records a finished trial: its loss (lower is better; +infinity for a failure) and its cost (<see cref="Learner.Cost(LearnerContext, TrialConfig, TrainedModel)"/>).</summary>
    public void Report(Learner learner, TrialConfig config, double loss, double cost)
    {
        LearnerState state = _learners.First(s => s.Learner == learner);
        state.Completed++;
        state.TotalCost += cost;
        if (loss < state.BestLoss)
        {
            state.BestLossOld = double.IsPositiveInfinity(state.BestLoss) ? loss : state.BestLoss;
            state.BestLoss = loss;
            state.CostBestFoundOld = state.CostBestFound;
            state.CostBestFound = state.TotalCost;
        }

        state.Search.Report(config, loss);
        _bestLoss = Math.Min(_bestLoss, loss);
    }

    private LearnerState Choose()
    {
        // First round: every learner's starting point, cheapest learner first.
        LearnerState? untried = _learners.Where(s => s.Proposed == 0).OrderBy(s => s.StartCost).FirstOrDefault();
        if (untried is not null) return untried;

        // Second round: the warm starts, cheapest learner first.
        LearnerState? warm = _learners.Where(s => s.Search.HasWarmStarts).OrderBy(s => s.StartCost).FirstOrDefault();
        if (warm is not null) return warm;

        double[] inverse = _learners.Select(s => 1 / EstimatedCostForImprovement(s)).ToArray();
        double total = inverse.Sum();
        double pick = _random.NextDouble() * total;
        for (int i = 0; i < inverse.Length; i++)
        {
            pick -= inverse[i];
            if (pick < 0) return _learners[i];
        }

        return _learners[^1];
    }

    private double EstimatedCostForImprovement(LearnerState state)
    {
        if (state.Completed == 0)
        {
            // Still running its first trial: another costs at least what its start costs.
            return Math.Max(1e-3, state.StartCost);
        }

        double cost = Math.Max(state.CostBestFound - state.CostBestFoundOld, state.TotalCost - state.CostBestFound);
        double gap = state.BestLoss - _bestLoss;
        if (gap > 0 && !double.IsInfinity(gap))
        {
            double gained = state.BestLossOld - state.BestLoss;
            double took = state.TotalCost - state.CostBestFoundOld;
            double speed = gained > 0 && took > 0 ? gained / took : 0;
            cost = speed > 0 ? Math.Max(2 * gap / speed, cost) : Math.Max(cost, state.TotalCost);
        }

        return Math.Max(cost, 1e-4);
    }

    private sealed class LearnerState(Learner learner, LocalSearch search, double startCost)
    {
        public Learner Learner { get; } = learner;
        public LocalSearch Search { get; } = search;
        public double StartCost { get; } = startCost;
        public int Proposed { get; set; }
        public int Completed { get; set; }
        public double TotalCost { get; set; }
        public double BestLoss { get; set; } = double.PositiveInfinity;
        public double BestLossOld { get; set; } = double.PositiveInfinity;
        public double CostBestFound { get; set; }
        public double CostBestFoundOld { get; set; }
    }
}
