using Azure.Core;

namespace AzureML.Core.Tests.Backends.Azure.Infrastructure;

/// <summary>A credential that never signs in: it hands out a fixed token and remembers the scopes asked for.</summary>
internal sealed class FakeTokenCredential : TokenCredential
{
    public const string Token = "fake-arm-token";

    private readonly List<string> _scopes = new();

    public IReadOnlyList<string> Scopes
    {
        get
        {
            lock (_scopes) return _scopes.ToList();
        }
    }

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        lock (_scopes) _scopes.AddRange(requestContext.Scopes);
        return new AccessToken(Token, DateTimeOffset.UtcNow.AddHours(1));
    }

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken)
        => new(GetToken(requestContext, cancellationToken));
}
