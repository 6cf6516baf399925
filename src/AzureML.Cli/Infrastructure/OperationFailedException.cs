namespace AzureML.Cli.Infrastructure;

/// <summary>
/// An operation ended badly after its result was printed (a failed run's details still go to stdout);
/// exits with <see cref="ExitCodes.Failure"/>.
/// </summary>
internal sealed class OperationFailedException(string message) : Exception(message);
