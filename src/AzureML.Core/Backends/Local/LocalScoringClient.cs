using System.Net.Http.Headers;
using System.Text;

namespace AzureML.Core.Backends.Local;

/// <summary>Posts scoring requests to local services on 127.0.0.1.</summary>
internal static class LocalScoringClient
{
    private static readonly HttpClient s_http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
    {
        Timeout = TimeSpan.FromSeconds(100),
    };

    /// <summary>The service's answer; an error status or a failed connection is a <see cref="WebserviceException"/> (with <c>Status</c> only for the former).</summary>
    public static async Task<string> ScoreAsync(string service, Uri scoringUri, string? key, string body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, scoringUri)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };

        // A large body waits for the service's go-ahead, so a refusal (413, 401) arrives as an answer, not a reset.
        request.Headers.ExpectContinue = body.Length > 1024 * 1024;
        if (key is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);

        HttpResponseMessage response;
        try
        {
            response = await s_http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw new WebserviceException(ex.Message, ex);
        }

        using var disposeResponse = response;
        string answer = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new WebserviceException($"Service '{service}' answered {(int)response.StatusCode} {response.ReasonPhrase}: {answer}") { Status = (int)response.StatusCode };
        }

        return answer;
    }
}
