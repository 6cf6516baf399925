using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Storage.Blobs;

namespace AzureML.Core.Backends.Azure.Rest;

/// <summary>
/// The HTTP pipelines of one Azure workspace connection, all built from the caller's
/// <see cref="AzureMLClientOptions"/> so that every call shares its transport, retries and diagnostics.
/// </summary>
internal sealed class AzureMLPipelines
{
    public AzureMLPipelines(AzureMLClientOptions options, TokenCredential credential)
    {
        Options = options ?? throw new ArgumentNullException(nameof(options));
        Credential = credential ?? throw new ArgumentNullException(nameof(credential));
        var bearer = new BearerTokenAuthenticationPolicy(credential, options.Cloud.ResourceManagerScope);
        Arm = HttpPipelineBuilder.Build(options, Array.Empty<HttpPipelinePolicy>(), new HttpPipelinePolicy[] { bearer }, new ResponseClassifier());
        Anonymous = HttpPipelineBuilder.Build(options);

        // Bodies of key and secret listings are never logged, even when the caller logs content.
        AzureMLClientOptions quiet = options.Diagnostics.IsLoggingContentEnabled ? CopyWithoutContentLogging(options) : options;
        Secrets = ReferenceEquals(quiet, options)
            ? Arm
            : HttpPipelineBuilder.Build(quiet, Array.Empty<HttpPipelinePolicy>(), new HttpPipelinePolicy[] { new BearerTokenAuthenticationPolicy(credential, options.Cloud.ResourceManagerScope) }, new ResponseClassifier());
        AnonymousSecrets = ReferenceEquals(quiet, options) ? Anonymous : HttpPipelineBuilder.Build(quiet);
        Poller = new OperationPoller(Arm, options.Clock, options.PollingInterval);
    }

    /// <summary>The caller's options.</summary>
    public AzureMLClientOptions Options { get; }

    /// <summary>The signed-in identity, for clients that ask for tokens of another audience (storage).</summary>
    public TokenCredential Credential { get; }

    /// <summary>Resource Manager and the workspace's data plane (run history, MLflow): bearer tokens for the Resource Manager audience.</summary>
    public HttpPipeline Arm { get; }

    /// <summary>Like <see cref="Arm"/>, for calls whose bodies carry keys or secrets: content is never logged.</summary>
    public HttpPipeline Secrets { get; }

    /// <summary>No credential: SAS URLs and the discovery document, which must not receive a bearer token.</summary>
    public HttpPipeline Anonymous { get; }

    /// <summary>Like <see cref="Anonymous"/>, for calls that carry a key in a header or body (scoring): content is never logged.</summary>
    public HttpPipeline AnonymousSecrets { get; }

    /// <summary>Follows long-running operations over <see cref="Arm"/>.</summary>
    public OperationPoller Poller { get; }

    /// <summary>The Resource Manager endpoint.</summary>
    public Uri Endpoint => Options.Cloud.ResourceManagerEndpoint;

    /// <summary>The api-version sent to Resource Manager.</summary>
    public string ApiVersion => Options.ApiVersion;

    /// <summary>Blob client options with the caller's transport, retries and diagnostics.</summary>
    public BlobClientOptions CreateBlobClientOptions()
    {
        var blob = new BlobClientOptions();
        CopySettings(Options, blob);
        blob.Diagnostics.IsLoggingContentEnabled = false;
        return blob;
    }

    private static AzureMLClientOptions CopyWithoutContentLogging(AzureMLClientOptions source)
    {
        var copy = new AzureMLClientOptions(source.Version)
        {
            Cloud = source.Cloud,
            PollingInterval = source.PollingInterval,
            Clock = source.Clock,
        };
        CopySettings(source, copy);
        copy.Diagnostics.IsLoggingContentEnabled = false;
        return copy;
    }

    private static void CopySettings(ClientOptions source, ClientOptions target)
    {
        target.Transport = source.Transport;
        if (source.RetryPolicy is not null) target.RetryPolicy = source.RetryPolicy;
        target.Retry.Mode = source.Retry.Mode;
        target.Retry.MaxRetries = source.Retry.MaxRetries;
        target.Retry.Delay = source.Retry.Delay;
        target.Retry.MaxDelay = source.Retry.MaxDelay;
        target.Retry.NetworkTimeout = source.Retry.NetworkTimeout;
        target.Diagnostics.IsLoggingEnabled = source.Diagnostics.IsLoggingEnabled;
        target.Diagnostics.IsDistributedTracingEnabled = source.Diagnostics.IsDistributedTracingEnabled;
        target.Diagnostics.IsTelemetryEnabled = source.Diagnostics.IsTelemetryEnabled;
        target.Diagnostics.ApplicationId = source.Diagnostics.ApplicationId;
        target.Diagnostics.LoggedContentSizeLimit = source.Diagnostics.LoggedContentSizeLimit;
        foreach (string header in source.Diagnostics.LoggedHeaderNames) target.Diagnostics.LoggedHeaderNames.Add(header);
        foreach (string query in source.Diagnostics.LoggedQueryParameters) target.Diagnostics.LoggedQueryParameters.Add(query);
    }
}
