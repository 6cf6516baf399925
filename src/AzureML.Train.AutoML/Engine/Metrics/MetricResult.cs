namespace AzureML.Train.AutoML.Engine.Metrics;

/// <summary>The metrics of one model: the scalars (averaged over validation folds) and the tables.</summary>
internal sealed record MetricResult(IReadOnlyDictionary<string, double> Scalars, IReadOnlyList<MetricTable> Tables)
{
    public double this[string name] => Scalars.TryGetValue(name, out double value) ? value : double.NaN;
}
