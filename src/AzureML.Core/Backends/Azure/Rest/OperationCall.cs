namespace AzureML.Core.Backends.Azure.Rest;

/// <summary>What a long-running operation does, for its error messages: <c>create</c> <c>compute 'cpu'</c> in workspace <c>ws</c>.</summary>
internal sealed record OperationCall(string Action, ArmResourceRef Resource, string? Workspace);
