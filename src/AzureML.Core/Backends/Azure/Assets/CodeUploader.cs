using System.Security.Cryptography;
using System.Text;
using Azure.Storage.Blobs;
using AzureML.Core.Backends.Azure.Rest;
using AzureML.Core.Backends.Local;

namespace AzureML.Core.Backends.Azure.Assets;

/// <summary>
/// A source folder as a code asset, as azure-ai-ml uploads one: the snapshot (ignore files and limits as for a local
/// run) is named by its content hash, so an unchanged folder is found and not uploaded again; otherwise
/// <c>startPendingUpload</c> hands out a container SAS, the files go up as blobs, and the version is created with
/// <c>codeUri</c> pointing at them.
/// </summary>
internal sealed class CodeUploader
{
    private const string Version = "1";
    private readonly AzureWorkspaceClient _client;

    public CodeUploader(AzureWorkspaceClient client) => _client = client;

    /// <summary>The code asset's resource id.</summary>
    /// <exception cref="UserErrorException">The folder does not exist or is over the snapshot limits.</exception>
    public async ValueTask<string> UploadAsync(string sourceDirectory, SnapshotLimits limits, bool async, CancellationToken cancellationToken)
    {
        SnapshotPlan plan = SnapshotPlan.Create(sourceDirectory, Array.Empty<string>());
        plan.CheckLimits(limits);
        string name = await ContentNameAsync(plan, async, cancellationToken).ConfigureAwait(false);
        CodeRestClient codes = _client.Codes;
        if (await codes.GetVersionAsync(name, Version, async, cancellationToken).ConfigureAwait(false) is { } existing) return Id(existing, name);

        PendingUploadResponse pending = await codes.StartPendingUploadAsync(name, Version, async, cancellationToken).ConfigureAwait(false);
        BlobReferenceForConsumption target = pending.BlobReferenceForConsumption
            ?? throw new AzureMLException($"The service gave no upload location for code '{name}'.") { ErrorCode = AzureMLErrorCode.UnexpectedResponse };
        if (!Uri.TryCreate(target.BlobUri, UriKind.Absolute, out Uri? blobUri) || !Uri.TryCreate(target.Credential?.SasUri, UriKind.Absolute, out Uri? sasUri))
        {
            throw new AzureMLException($"The upload location of code '{name}' has no blob URI or SAS URI.") { ErrorCode = AzureMLErrorCode.UnexpectedResponse };
        }

        BlobContainerClient container = _client.Blobs.ContainerFromSas(sasUri);
        string prefix = Uri.UnescapeDataString(blobUri.AbsolutePath).TrimEnd('/')[sasUri.AbsolutePath.TrimEnd('/').Length..].Trim('/');
        List<DatastoreFileCopy> files = plan.Files
            .Select(f => new DatastoreFileCopy(Path.Combine(plan.SourceDirectory, f.Relative), prefix.Length == 0 ? f.Relative : $"{prefix}/{f.Relative}"))
            .ToList();
        await _client.Blobs.UploadAsync(container, files, overwrite: true, progress: null, async, cancellationToken).ConfigureAwait(false);

        var body = new ArmResource<CodeVersionProperties> { Properties = new CodeVersionProperties { CodeUri = RestCall.Redact(blobUri), IsAnonymous = true } };
        ArmResource<CodeVersionProperties> created = await codes.CreateOrUpdateVersionAsync(name, Version, body, async, cancellationToken).ConfigureAwait(false);
        return Id(created, name);
    }

    private string Id(ArmResource<CodeVersionProperties> resource, string name) => resource.Id ?? _client.Scope.AssetVersionId("codes", name, Version);

    /// <summary>A name that changes when any file's path or content does.</summary>
    private static async ValueTask<string> ContentNameAsync(SnapshotPlan plan, bool async, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach ((string relative, long _) in plan.Files.OrderBy(f => f.Relative, StringComparer.Ordinal))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(relative + "\n"));
            using FileStream stream = new(Path.Combine(plan.SourceDirectory, relative), FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16,
                async ? FileOptions.Asynchronous | FileOptions.SequentialScan : FileOptions.SequentialScan);
            hash.AppendData(async ? await SHA256.HashDataAsync(stream, cancellationToken).ConfigureAwait(false) : SHA256.HashData(stream));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset())[..32];
    }
}
