namespace AzureML.Train.AutoML.Engine.Search;

/// <summary>A learner's hyperparameters; configurations map to points of [0, 1]^d and back.</summary>
internal sealed class SearchSpace
{
    public SearchSpace(params Hyperparameter[] parameters) => Parameters = parameters;

    public IReadOnlyList<Hyperparameter> Parameters { get; }

    public int Dimensions => Parameters.Count;

    /// <summary>The low-cost starting configuration.</summary>
    public TrialConfig Initial => new(Parameters.Select(p => (p.Name, p.Initial)));

    public double[] Normalize(TrialConfig config) => Parameters.Select(p => p.Domain.Normalize(config.Get(p.Name))).ToArray();

    public TrialConfig Denormalize(ReadOnlySpan<double> point)
    {
        var values = new (string, object)[Parameters.Count];
        for (int i = 0; i < values.Length; i++) values[i] = (Parameters[i].Name, Parameters[i].Domain.Denormalize(point[i]));
        return new TrialConfig(values);
    }
}
