using System.Text.RegularExpressions;

namespace AzureML.Core;

/// <summary>The workspace name rule of the service: <c>^[a-zA-Z0-9][a-zA-Z0-9_-]{2,32}$</c>.</summary>
internal static partial class WorkspaceNames
{
    public static bool IsValid(string name) => Pattern().IsMatch(name);

    [GeneratedRegex("^[a-zA-Z0-9][a-zA-Z0-9_-]{2,32}$")]
    private static partial Regex Pattern();
}
