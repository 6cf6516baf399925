namespace AzureML.Cli.Infrastructure;

/// <summary>An operation the command started did not succeed (a deployment that never became healthy); exits with <see cref="ExitCodes.Failure"/>.</summary>
internal sealed class OperationFailedException(string message) : Exception(message);
