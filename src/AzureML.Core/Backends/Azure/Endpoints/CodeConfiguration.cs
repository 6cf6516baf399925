namespace AzureML.Core.Backends.Azure.Endpoints;

/// <summary><c>CodeConfiguration</c>: the code asset and the scoring script in it.</summary>
internal sealed class CodeConfiguration
{
    public string? CodeId { get; set; }
    public string? ScoringScript { get; set; }
}
