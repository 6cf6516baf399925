namespace AzureML.Core.Backends.Local;

/// <summary>The answer to a run asking for nodes: the node ids it now holds, a reason it never will, or neither (wait).</summary>
internal sealed record NodeClaim(IReadOnlyList<int>? Nodes, string? Problem)
{
    public static NodeClaim Wait { get; } = new(null, null);
}
