namespace AzureML.Core.Hosting.Scoring;

/// <summary>A request the scoring service cannot serve; carries the HTTP status to answer with.</summary>
internal sealed class ScoringRequestException : Exception
{
    public ScoringRequestException(int statusCode, string message) : base(message) => StatusCode = statusCode;

    public int StatusCode { get; }
}
