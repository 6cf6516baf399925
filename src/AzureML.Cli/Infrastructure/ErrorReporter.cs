using AzureML.Core;

namespace AzureML.Cli.Infrastructure;

/// <summary>Turns a failure into az's <c>ERROR: …</c> line on stderr and the exit code it deserves.</summary>
internal static class ErrorReporter
{
    public static int Report(TextWriter error, Exception exception)
    {
        (int code, string message) = exception switch
        {
            UsageException or UserErrorException => (ExitCodes.UsageError, exception.Message),
            OperationFailedException or AzureMLException or KeyNotFoundException => (ExitCodes.Failure, exception.Message),
            OperationCanceledException => (ExitCodes.Failure, "The operation was canceled."),
            IOException or UnauthorizedAccessException => (ExitCodes.Failure, exception.Message),
            _ => (ExitCodes.Failure, $"{exception.GetType().Name}: {exception.Message}"),
        };
        error.WriteLine($"ERROR: {message}");
        return code;
    }
}
