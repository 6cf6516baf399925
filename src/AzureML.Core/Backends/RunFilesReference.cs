namespace AzureML.Core.Backends;

/// <summary>
/// A file or folder among a run's files, named where it already is in the workspace, so a model can be registered
/// from it without its bytes passing through the caller.
/// </summary>
/// <param name="RunId">The run.</param>
/// <param name="Path">A file (<c>outputs/model.pkl</c>) or folder (<c>outputs</c>) of the run: relative, '/'-separated, checked.</param>
internal sealed record RunFilesReference(string RunId, string Path);
