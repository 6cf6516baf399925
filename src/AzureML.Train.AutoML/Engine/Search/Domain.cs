using System.Globalization;

namespace AzureML.Train.AutoML.Engine.Search;

/// <summary>The values a hyperparameter may take, mapped to and from [0, 1] (the space local search moves in).</summary>
internal abstract class Domain
{
    public abstract double Normalize(object value);

    public abstract object Denormalize(double unit);

    /// <summary>An integer range, uniform or on a log scale.</summary>
    public static Domain Integer(int lower, int upper, bool log = false) => new NumericDomain(lower, upper, log, integer: true);

    /// <summary>A real range, uniform or on a log scale.</summary>
    public static Domain Real(double lower, double upper, bool log = false) => new NumericDomain(lower, upper, log, integer: false);

    /// <summary>A choice among named options.</summary>
    public static Domain Choice(params string[] options) => new ChoiceDomain(options);

    private sealed class NumericDomain : Domain
    {
        private readonly double _lower, _upper;
        private readonly bool _log, _integer;

        public NumericDomain(double lower, double upper, bool log, bool integer)
        {
            if (!(upper >= lower) || (log && lower <= 0)) throw new ArgumentException($"Bad range [{lower}, {upper}].");
            (_lower, _upper, _log, _integer) = (lower, upper, log, integer);
        }

        public override double Normalize(object value)
        {
            double v = Convert.ToDouble(value, CultureInfo.InvariantCulture);
            if (_upper == _lower) return 0;
            double unit = _log ? (Math.Log(v) - Math.Log(_lower)) / (Math.Log(_upper) - Math.Log(_lower)) : (v - _lower) / (_upper - _lower);
            return Math.Clamp(unit, 0, 1);
        }

        public override object Denormalize(double unit)
        {
            unit = Math.Clamp(unit, 0, 1);
            double v = _log ? Math.Exp(Math.Log(_lower) + (unit * (Math.Log(_upper) - Math.Log(_lower)))) : _lower + (unit * (_upper - _lower));
            v = Math.Clamp(v, _lower, _upper);
            return _integer ? (int)Math.Round(v) : v;
        }
    }

    private sealed class ChoiceDomain : Domain
    {
        private readonly string[] _options;

        public ChoiceDomain(string[] options) => _options = options;

        public override double Normalize(object value)
        {
            int index = Array.IndexOf(_options, (string)value);
            if (index < 0) throw new ArgumentException($"'{value}' is not one of {string.Join(", ", _options)}.");
            return (index + 0.5) / _options.Length;
        }

        public override object Denormalize(double unit) => _options[Math.Min(_options.Length - 1, (int)Math.Floor(Math.Clamp(unit, 0, 1) * _options.Length))];
    }
}
