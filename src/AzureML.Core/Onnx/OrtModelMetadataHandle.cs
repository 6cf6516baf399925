namespace AzureML.Core.Onnx;

/// <summary>Owns an <c>OrtModelMetadata</c>; released with <c>ReleaseModelMetadata</c>.</summary>
internal sealed class OrtModelMetadataHandle : OrtHandle
{
    /// <summary>Takes ownership of <paramref name="handle"/>.</summary>
    /// <param name="api">The function table.</param>
    /// <param name="handle">The native pointer.</param>
    public OrtModelMetadataHandle(OrtApi api, IntPtr handle) : base(api, handle) { }

    /// <inheritdoc />
    protected override unsafe bool ReleaseHandle()
    {
        Api.ReleaseModelMetadata(handle);
        return true;
    }
}
