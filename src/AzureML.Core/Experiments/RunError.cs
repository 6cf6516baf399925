namespace AzureML.Core;

/// <summary>Why a run failed or was canceled.</summary>
/// <param name="Code">A short machine-readable code such as <c>UserError</c> or <c>ServiceError</c>.</param>
/// <param name="Message">What happened, in words.</param>
/// <param name="ExitCode">The exit code of the script, when it ran and exited.</param>
/// <param name="LogTail">The last lines of the script's error output, when there was any.</param>
public sealed record RunError(string Code, string Message, int? ExitCode = null, string? LogTail = null);
