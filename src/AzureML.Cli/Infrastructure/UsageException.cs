namespace AzureML.Cli.Infrastructure;

/// <summary>The command line or a file it names is wrong; exits with <see cref="ExitCodes.UsageError"/>.</summary>
internal sealed class UsageException(string message) : Exception(message);
