using System.Globalization;
using System.Text.RegularExpressions;

namespace AzureML.Core;

/// <summary>Model names and ids (<c>name:version</c>) as Azure ML accepts them.</summary>
internal static partial class ModelNames
{
    public const int MaxLength = 255;

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]*$")]
    private static partial Regex Pattern();

    /// <summary>Returns <paramref name="name"/> when Azure ML would accept it as a model name; throws a message saying what is allowed otherwise.</summary>
    public static string Validate(string? name)
    {
        if (string.IsNullOrEmpty(name)) throw new UserErrorException("A model name is required: letters, digits, '-', '_' and '.', starting with a letter or digit.");
        if (name.Length > MaxLength || !Pattern().IsMatch(name))
        {
            throw new UserErrorException(
                $"The model name '{name}' is not valid: use letters, digits, '-', '_' and '.', start with a letter or digit, at most {MaxLength} characters (got {name.Length}).");
        }

        return name;
    }

    public static string FormatId(string name, int version) => $"{name}:{version.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The name and version a lookup means, from either a name (and version) or an id.</summary>
    public static (string Name, int? Version) Resolve(string? name, string? id, int? version)
    {
        if (version is < 1) throw new UserErrorException($"Model versions start at 1; got {version}.");
        if (id is null)
        {
            if (name is null) throw new UserErrorException("Pass a model name or an id ('name:version') to look up a model.");
            return (Validate(name), version);
        }

        int colon = id.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(id.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int idVersion) || idVersion < 1)
        {
            throw new UserErrorException($"The model id '{id}' is not of the form 'name:version', e.g. 'sklearn-iris:1'.");
        }

        string idName = Validate(id[..colon]);
        if ((name is not null && name != idName) || (version is not null && version != idVersion))
        {
            throw new UserErrorException($"The model id '{id}' disagrees with name '{name}' / version {version}; pass either the id or the name and version.");
        }

        return (idName, idVersion);
    }
}
