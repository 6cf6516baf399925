namespace AzureML.Train.AutoML.Engine.Search;

/// <summary>
/// Randomised direct search around the best configuration of one learner, in the spirit of FLAML's FLOW2: start
/// at the low-cost configuration, try a random direction and then its opposite, move when either is better, and
/// shrink the step when a run of tries brings nothing; once the step is too small, restart near the start.
/// Costly configurations are reached only through cheaper ones that were better.
/// </summary>
internal sealed class LocalSearch
{
    private const double InitialStepShare = 0.1;
    private const double LowerStepShare = 0.005;
    private const double StepReduction = 0.7;
    private const int DuplicateRetries = 8;

    private readonly SearchSpace _space;
    private readonly Random _random;
    private readonly HashSet<TrialConfig> _proposed = new();
    private readonly Queue<TrialConfig> _warmStarts = new();
    private readonly double _stepUpper, _stepLower;
    private readonly int _patience;
    private double[] _incumbent;
    private double[]? _opposite;
    private double _step;
    private double _incumbentLoss = double.PositiveInfinity;
    private int _failures;
    private bool _started;

    public LocalSearch(SearchSpace space, int seed)
    {
        _space = space;
        _random = new Random(seed);
        _stepUpper = Math.Sqrt(space.Dimensions);
        _stepLower = LowerStepShare * _stepUpper;
        _step = InitialStepShare * _stepUpper;
        _patience = 2 * Math.Max(1, Math.Min(space.Dimensions, 8));
        _incumbent = space.Normalize(space.Initial);
    }

    /// <summary>The best loss reported so far (lower is better).</summary>
    public double BestLoss { get; private set; } = double.PositiveInfinity;

    public TrialConfig? BestConfig { get; private set; }

    /// <summary>How many times the step ran out and the search restarted.</summary>
    public int Restarts { get; private set; }

    /// <summary>Whether configurations given with <see cref="WarmStart"/> wait to be tried.</summary>
    public bool HasWarmStarts => _warmStarts.Count > 0;

    /// <summary>
    /// Configurations known to do well on many data sets, tried right after the low-cost start; whichever is best
    /// becomes the centre of the search like any other result.
    /// </summary>
    public void WarmStart(IEnumerable<TrialConfig> configurations)
    {
        foreach (TrialConfig configuration in configurations) _warmStarts.Enqueue(configuration);
    }

    /// <summary>The next configuration to try; never one proposed before.</summary>
    public TrialConfig Propose()
    {
        if (!_started)
        {
            _started = true;
            TrialConfig initial = _space.Initial;
            _proposed.Add(initial);
            return initial;
        }

        while (_warmStarts.TryDequeue(out TrialConfig? warm))
        {
            if (_proposed.Add(warm)) return warm;
        }

        for (int attempt = 0; ; attempt++)
        {
            double[] point;
            if (_opposite is not null)
            {
                point = _opposite;
                _opposite = null;
            }
            else
            {
                double[] direction = RandomUnitVector();
                point = new double[direction.Length];
                var opposite = new double[direction.Length];
                for (int i = 0; i < point.Length; i++)
                {
                    point[i] = _incumbent[i] + (_step * direction[i]);
                    opposite[i] = _incumbent[i] - (_step * direction[i]);
                }

                _opposite = opposite;
            }

            TrialConfig config = _space.Denormalize(Project(point));
            if (_proposed.Add(config)) return config;

            // Every nearby configuration was tried already: the search has converged here.
            if (attempt >= DuplicateRetries)
            {
                Restart();
                attempt = 0;
            }
        }
    }

    /// <summary>Records a finished configuration's loss; a better one becomes the centre of the search.</summary>
    public void Report(TrialConfig config, double loss)
    {
        if (loss < BestLoss)
        {
            BestLoss = loss;
            BestConfig = config;
        }

        if (loss < _incumbentLoss)
        {
            _incumbentLoss = loss;
            _incumbent = _space.Normalize(config);
            _opposite = null;
            _failures = 0;
            return;
        }

        if (++_failures < _patience) return;
        _failures = 0;
        _step *= StepReduction;
        if (_step < _stepLower) Restart();
    }

    // Converged: start again near the low-cost configuration, perturbed, with a fresh step.
    private void Restart()
    {
        Restarts++;
        _incumbentLoss = double.PositiveInfinity;
        _failures = 0;
        double[] start = _space.Normalize(_space.Initial);
        for (int i = 0; i < start.Length; i++) start[i] = Math.Clamp(start[i] + (0.2 * Gaussian()), 0, 1);
        _incumbent = start;
        _opposite = null;
        _step = InitialStepShare * _stepUpper;
    }

    private static double[] Project(double[] point) => point.Select(v => Math.Clamp(v, 0, 1)).ToArray();

    private double[] RandomUnitVector()
    {
        var vector = new double[_space.Dimensions];
        double norm = 0;
        while (norm == 0)
        {
            for (int i = 0; i < vector.Length; i++) vector[i] = Gaussian();
            norm = Math.Sqrt(vector.Sum(v => v * v));
        }

        return vector.Select(v => v / norm).ToArray();
    }

    private double Gaussian()
    {
        double u1 = 1 - _random.NextDouble(), u2 = _random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
