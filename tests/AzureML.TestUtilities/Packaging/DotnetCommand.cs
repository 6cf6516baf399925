namespace AzureML.TestUtilities.Packaging;

/// <summary>Runs the <c>dotnet</c> CLI and captures what it prints.</summary>
public static class DotnetCommand
{
    /// <summary>Runs <c>dotnet &lt;arguments&gt;</c> in <paramref name="workingDirectory"/>, bounded by <paramref name="timeout"/>.</summary>
    /// <param name="workingDirectory">Where to run.</param>
    /// <param name="environment">Variables to set (a null value removes one).</param>
    /// <param name="timeout">How long it may take; the process tree is killed after that.</param>
    /// <param name="arguments">The CLI arguments, passed as a list (no shell).</param>
    public static CommandResult Run(string workingDirectory, IReadOnlyDictionary<string, string?> environment, TimeSpan timeout, params string[] arguments)
        => ProcessCommand.Run("dotnet", workingDirectory, environment, timeout, arguments);
}
