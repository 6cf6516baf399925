using Azure.Core;

namespace AzureML.Core.Authentication;

/// <summary>
/// The token the service hands a job's process (<c>AZUREML_RUN_TOKEN</c>), for the run's own calls from inside it;
/// it is never refreshed, so it serves until it expires.
/// </summary>
internal sealed class RunTokenCredential : TokenCredential
{
    private readonly AccessToken _token;

    public RunTokenCredential(string token, DateTimeOffset expiresOn) => _token = new AccessToken(token, expiresOn);

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) => _token;

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) => new(_token);
}
