using Azure.Core;
using AzureML.Core.Backends.Azure.Rest;

namespace AzureML.Core.Backends.Azure.Assets;

/// <summary>
/// <c>{ws}/codes</c>: code versions (snapshots of a source folder) and <c>startPendingUpload</c>, which hands
/// out a container SAS to upload the snapshot to before the version is created with <c>codeUri</c>.
/// </summary>
internal sealed class CodeRestClient : AssetRestClient<CodeVersionProperties>
{
    public CodeRestClient(AzureMLPipelines pipelines, WorkspaceScope scope)
        : base(pipelines, scope.ResourceId, scope.WorkspaceName, "codes", ArmResourceKind.Code,
            ArmJsonContext.Default.ArmResourceCodeVersionProperties, ArmJsonContext.Default.ArmListArmResourceCodeVersionProperties)
    {
    }

    internal HttpMessage CreateStartPendingUploadRequest(string name, string version, PendingUploadRequest body)
    {
        HttpMessage message = CreateRequest(RequestMethod.Post, ScopedUri("codes", name, "versions", version, "startPendingUpload"), Pipelines.Secrets);
        RestCall.SetJson(message, body, ArmJsonContext.Default.PendingUploadRequest);
        return message;
    }

    /// <summary>Where to upload the snapshot of a code version: a blob URI and a container SAS (never logged).</summary>
    public ValueTask<PendingUploadResponse> StartPendingUploadAsync(string name, string version, bool async, CancellationToken cancellationToken)
        => SendAsync(CreateStartPendingUploadRequest(name, version, new PendingUploadRequest { PendingUploadType = "TemporaryBlobReference" }),
            ArmJsonContext.Default.PendingUploadResponse, "start the upload of", Ref(name, version), async, cancellationToken, Pipelines.Secrets);
}
