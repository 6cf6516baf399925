namespace AzureML.Core.Backends.Azure.Assets;

/// <summary><c>InferenceContainerProperties</c>: the routes of a scoring container.</summary>
internal sealed class InferenceContainerProperties
{
    public Route? LivenessRoute { get; set; }
    public Route? ReadinessRoute { get; set; }
    public Route? ScoringRoute { get; set; }
}
