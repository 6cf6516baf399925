using System.Globalization;

namespace AzureML.Train.AutoML.Engine.Search;

/// <summary>Hyperparameter values of one trial, in the order of the learner's search space.</summary>
internal sealed class TrialConfig
{
    private readonly (string Name, object Value)[] _values;

    public TrialConfig(IEnumerable<(string Name, object Value)> values) => _values = values.ToArray();

    public IReadOnlyList<(string Name, object Value)> Values => _values;

    public int Int(string name) => Convert.ToInt32(Get(name), CultureInfo.InvariantCulture);

    public double Real(string name) => Convert.ToDouble(Get(name), CultureInfo.InvariantCulture);

    public string Text(string name) => (string)Get(name);

    public object Get(string name)
    {
        foreach ((string key, object value) in _values)
        {
            if (key == name) return value;
        }

        throw new KeyNotFoundException($"The trial has no hyperparameter '{name}'.");
    }

    /// <summary>A stable text form (<c>n_estimators=4, learning_rate=0.1</c>): identical configurations give identical text.</summary>
    public override string ToString() => string.Join(", ", _values.Select(v => $"{v.Name}={Format(v.Value)}"));

    public override bool Equals(object? obj) => obj is TrialConfig other && other.ToString() == ToString();

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(ToString());

    public static string Format(object value) => value switch
    {
        double d => d.ToString("G6", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
