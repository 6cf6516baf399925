namespace AzureML.Core.Backends;

/// <summary>One file of a model being registered: its relative, forward-slash name in the model and how to read it.</summary>
/// <param name="Name">For example <c>model.pkl</c> or <c>outputs/model.pkl</c>.</param>
/// <param name="OpenAsync">Opens the content; called once, and the stream is disposed by the store.</param>
internal sealed record ModelFileSource(string Name, Func<CancellationToken, Task<Stream>> OpenAsync);
