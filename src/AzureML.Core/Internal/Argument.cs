namespace AzureML.Core.Internal;

/// <summary>Argument checks shared by the public facades.</summary>
internal static class Argument
{
    public static T NotNull<T>(T? value, string name) where T : class
        => value ?? throw new ArgumentNullException(name);

    public static string NotNullOrEmpty(string? value, string name)
    {
        if (value is null) throw new ArgumentNullException(name);
        if (value.Length == 0) throw new ArgumentException($"'{name}' must not be empty.", name);
        return value;
    }
}
