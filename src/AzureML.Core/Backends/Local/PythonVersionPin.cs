using System.Globalization;

namespace AzureML.Core.Backends.Local;

/// <summary>
/// The Python version an environment pins (<c>python=3.6.2</c>, <c>python==3.8</c>, <c>python&gt;=3.9</c> in its conda
/// dependencies). An exact pin is matched on major.minor, as builds of one environment differ at most in the
/// patch release; <c>&gt;=</c> is matched as written.
/// </summary>
internal sealed class PythonVersionPin
{
    private readonly int[] _wanted;
    private readonly bool _atLeast;
    private readonly string _text;

    private PythonVersionPin(string text, int[] wanted, bool atLeast)
    {
        _text = text;
        _wanted = wanted;
        _atLeast = atLeast;
    }

    /// <summary>The pin in a conda python version spec (<c>3.6.2</c>, <c>3.8.*</c>, <c>&gt;=3.9</c>), or <c>null</c> for none or one this reader does not understand.</summary>
    public static PythonVersionPin? Parse(string? spec)
    {
        if (string.IsNullOrWhiteSpace(spec)) return null;
        string text = spec.Trim();
        bool atLeast = text.StartsWith(">=", StringComparison.Ordinal);
        string number = (atLeast ? text[2..] : text).Trim().TrimEnd('*').TrimEnd('.');
        return Components(number) is int[] wanted ? new PythonVersionPin(text, wanted, atLeast) : null;
    }

    /// <summary>True when an interpreter of <paramref name="version"/> (<c>3.11.2</c>) satisfies the pin.</summary>
    public bool Matches(string version)
    {
        if (Components(version) is not int[] actual) return false;
        if (!_atLeast) return actual[0] == _wanted[0] && (_wanted.Length < 2 || (actual.Length > 1 && actual[1] == _wanted[1]));
        for (int i = 0; i < _wanted.Length; i++)
        {
            int part = i < actual.Length ? actual[i] : 0;
            if (part != _wanted[i]) return part > _wanted[i];
        }

        return true;
    }

    /// <summary>The pin as the environment writes it, e.g. <c>python=3.6.2</c>.</summary>
    public override string ToString() => _atLeast ? "python" + _text : "python=" + _text;

    private static int[]? Components(string text)
    {
        string[] parts = text.Split('.');
        if (parts.Length > 3) return null;
        var numbers = new int[parts.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out numbers[i])) return null;
        }

        return numbers;
    }
}
