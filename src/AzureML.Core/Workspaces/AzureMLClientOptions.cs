using Azure.Core;

namespace AzureML.Core;

/// <summary>
/// Options for every HTTP call the SDK makes for an Azure workspace: Resource Manager, the workspace's data
/// plane (run history, MLflow tracking), blob storage and scoring. Transport, retry and diagnostics come
/// from <see cref="ClientOptions"/>, so a proxy, a test transport or a logging listener sees all of them.
/// </summary>
/// <remarks>
/// Keys, tokens and SAS query strings are never logged: Azure.Core redacts headers and query parameters
/// outside its allow-lists, and calls whose bodies carry secrets are sent without content logging even when
/// <see cref="DiagnosticsOptions.IsLoggingContentEnabled"/> is set.
/// </remarks>
public class AzureMLClientOptions : ClientOptions
{
    /// <summary>The newest Resource Manager API version this SDK was checked against.</summary>
    internal const ServiceVersion LatestVersion = ServiceVersion.V2025_12_01;

    /// <summary>Creates options for the given API version.</summary>
    /// <param name="version">The <c>Microsoft.MachineLearningServices</c> API version; default the newest checked one.</param>
    public AzureMLClientOptions(ServiceVersion version = LatestVersion)
    {
        ApiVersion = version switch
        {
            ServiceVersion.V2025_09_01 => "2025-09-01",
            ServiceVersion.V2025_12_01 => "2025-12-01",
            _ => throw new ArgumentOutOfRangeException(nameof(version), version, "Use one of the AzureMLClientOptions.ServiceVersion values."),
        };
        Version = version;
        foreach (string parameter in new[] { "$skip", "$top", "$orderBy", "underlyingResourceAction", "isDefault", "listViewType", "forceToPurge" })
        {
            Diagnostics.LoggedQueryParameters.Add(parameter);
        }

        foreach (string header in new[] { "Azure-AsyncOperation", "Location", "Retry-After", "x-ms-async-operation-timeout", "x-ms-request-id", "x-ms-correlation-request-id" })
        {
            Diagnostics.LoggedHeaderNames.Add(header);
        }
    }

    /// <summary>The Resource Manager API versions this SDK speaks.</summary>
    public enum ServiceVersion
    {
        /// <summary>API version 2025-09-01.</summary>
        V2025_09_01 = 1,

        /// <summary>API version 2025-12-01 (the default).</summary>
        V2025_12_01 = 2,
    }

    /// <summary>The API version requested.</summary>
    public ServiceVersion Version { get; }

    /// <summary>The cloud the workspace lives in; default <see cref="AzureMLCloud.AzureCloud"/>.</summary>
    public AzureMLCloud Cloud { get; set; } = AzureMLCloud.AzureCloud;

    /// <summary>
    /// How long to wait between polls of a long-running operation when the service does not say
    /// (with <c>Retry-After</c>); default 5 seconds.
    /// </summary>
    public TimeSpan PollingInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How many blocks of one file are uploaded at once; default 8. 1 uploads block after block.
    /// </summary>
    public int BlobTransferConcurrency { get; set; } = 8;

    /// <summary>Files up to this size are uploaded in one request; larger ones in blocks. Default 64 MiB.</summary>
    public long BlobSingleUploadThreshold { get; set; } = 64L * 1024 * 1024;

    /// <summary>The size of each uploaded block; default 8 MiB.</summary>
    public long BlobBlockSize { get; set; } = 8L * 1024 * 1024;

    /// <summary>The api-version query value sent to Resource Manager.</summary>
    internal string ApiVersion { get; }

    /// <summary>The time and waits of polling; tests replace it so nothing really sleeps.</summary>
    internal Backends.Azure.Rest.PollingClock Clock { get; set; } = Backends.Azure.Rest.PollingClock.System;
}
