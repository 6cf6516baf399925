namespace AzureML.TestUtilities.Packaging;

/// <summary>What a command printed and how it ended.</summary>
/// <param name="ExitCode">The exit code.</param>
/// <param name="Output">Standard output.</param>
/// <param name="Errors">Standard error.</param>
public sealed record CommandResult(int ExitCode, string Output, string Errors)
{
    /// <summary>Throws with everything the command printed unless it succeeded.</summary>
    /// <param name="what">What the command was doing, for the message.</param>
    public CommandResult EnsureSuccess(string what) => ExitCode == 0 ? this
        : throw new InvalidOperationException($"{what} failed with exit code {ExitCode}.\n--- stdout\n{Output}\n--- stderr\n{Errors}");

    /// <summary>Exit code and both streams, for assertion messages.</summary>
    public override string ToString() => $"exit code {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Errors}";
}
