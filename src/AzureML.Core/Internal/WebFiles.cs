namespace AzureML.Core.Internal;

/// <summary>Files on the web read by a local workspace or by a dataset not bound to a workspace: one shared client.</summary>
internal static class WebFiles
{
    private static readonly HttpClient s_http = new() { Timeout = TimeSpan.FromMinutes(30) };

    /// <summary>The body of <paramref name="url"/>, streamed.</summary>
    /// <exception cref="UserErrorException">The server answered an error status or could not be reached.</exception>
    public static async Task<Stream> OpenAsync(Uri url, CancellationToken cancellationToken)
    {
        HttpResponseMessage? response = null;
        try
        {
            response = await s_http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw new UserErrorException($"Downloading '{url}' failed: HTTP {(int)response.StatusCode} {response.ReasonPhrase}.") { Status = (int)response.StatusCode };
            }

            Stream body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            response = null;
            return body;
        }
        catch (HttpRequestException ex)
        {
            throw new UserErrorException($"Downloading '{url}' failed: {ex.Message}", ex);
        }
        finally
        {
            response?.Dispose();
        }
    }
}
