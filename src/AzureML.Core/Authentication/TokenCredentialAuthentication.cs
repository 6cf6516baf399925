using Azure.Core;

namespace AzureML.Core.Authentication;

/// <summary>Signs in with a <see cref="TokenCredential"/> the caller built (any Azure.Identity credential, or their own).</summary>
public sealed class TokenCredentialAuthentication : AbstractAuthentication
{
    private readonly TokenCredential _credential;

    /// <summary>Wraps a credential; it is used as it is, whatever cloud the workspace is in.</summary>
    /// <param name="credential">The credential.</param>
    public TokenCredentialAuthentication(TokenCredential credential)
        => _credential = credential ?? throw new ArgumentNullException(nameof(credential));

    /// <inheritdoc />
    protected override TokenCredential CreateCredential(AzureMLCloud cloud) => _credential;

    /// <inheritdoc />
    public override string ToString() => $"TokenCredentialAuthentication({_credential.GetType().Name})";
}
