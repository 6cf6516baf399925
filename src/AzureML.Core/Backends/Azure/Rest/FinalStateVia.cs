namespace AzureML.Core.Backends.Azure.Rest;

/// <summary>Where the result of a long-running operation is read once it has finished (the spec's <c>final-state-via</c>).</summary>
internal enum FinalStateVia
{
    /// <summary>GET the resource the operation was started on (PUT and PATCH).</summary>
    OriginalUri,

    /// <summary>The last response from the <c>Location</c> URL (DELETE and POST actions).</summary>
    Location,
}
