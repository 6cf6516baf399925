namespace AzureML.Core.Backends.Local;

/// <summary>Runs submitted scripts as local processes.</summary>
internal sealed class LocalJobLauncher : JobLauncher
{
    private readonly LocalBackend _backend;

    public LocalJobLauncher(LocalBackend backend) => _backend = backend;

    public override Task<RunRecord> SubmitAsync(JobSubmission submission, CancellationToken cancellationToken) => throw new NotImplementedException(_backend.Root);

    public override Task CancelAsync(string runId, CancellationToken cancellationToken) => throw new NotImplementedException();

    public override Task<RunRecord> WaitForCompletionAsync(string runId, Action<string>? output, CancellationToken cancellationToken) => throw new NotImplementedException();
}
