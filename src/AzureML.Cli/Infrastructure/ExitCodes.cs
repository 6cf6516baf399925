namespace AzureML.Cli.Infrastructure;

/// <summary>The process exit codes, as az uses them.</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The operation failed: a run that did not complete, a deployment that is not healthy, a missing resource.</summary>
    public const int Failure = 1;

    /// <summary>The command line or an input file is wrong.</summary>
    public const int UsageError = 2;
}
