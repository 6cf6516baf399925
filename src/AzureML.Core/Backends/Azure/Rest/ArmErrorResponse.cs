namespace AzureML.Core.Backends.Azure.Rest;

/// <summary>Resource Manager's error body, <c>{"error": {...}}</c> (common-types ErrorResponse).</summary>
internal sealed class ArmErrorResponse
{
    public ArmError? Error { get; set; }
}
