using Azure.Core;

namespace AzureML.Core.Authentication;

/// <summary>
/// How the SDK signs in to Azure: the base of <see cref="InteractiveLoginAuthentication"/>,
/// <see cref="ServicePrincipalAuthentication"/>, <see cref="MsiAuthentication"/>,
/// <see cref="AzureCliAuthentication"/>, <see cref="DefaultAuthentication"/> and
/// <see cref="TokenCredentialAuthentication"/>. Any Azure.Identity <see cref="TokenCredential"/> converts to
/// one implicitly, so <c>auth: new ManagedIdentityCredential(...)</c> works wherever an authentication is asked for.
/// </summary>
public abstract class AbstractAuthentication
{
    private readonly object _gate = new();
    private (AzureMLCloud Cloud, TokenCredential Credential)? _cached;

    /// <summary>For derived classes.</summary>
    protected AbstractAuthentication() { }

    /// <summary>
    /// The credential for <paramref name="cloud"/>, created once per cloud and reused, so its token cache
    /// lives as long as this object.
    /// </summary>
    /// <param name="cloud">The cloud whose authority the credential signs in with.</param>
    public TokenCredential GetTokenCredential(AzureMLCloud cloud)
    {
        ArgumentNullException.ThrowIfNull(cloud);
        lock (_gate)
        {
            if (_cached is { } cached && ReferenceEquals(cached.Cloud, cloud)) return cached.Credential;
            TokenCredential credential = CreateCredential(cloud);
            _cached = (cloud, credential);
            return credential;
        }
    }

    /// <summary>Creates the credential for a cloud; called once per cloud.</summary>
    /// <param name="cloud">The cloud whose authority the credential signs in with.</param>
    protected abstract TokenCredential CreateCredential(AzureMLCloud cloud);

    /// <summary>Uses any <see cref="TokenCredential"/> as an authentication.</summary>
    /// <param name="credential">The credential.</param>
    public static implicit operator AbstractAuthentication(TokenCredential credential) => new TokenCredentialAuthentication(credential);
}
