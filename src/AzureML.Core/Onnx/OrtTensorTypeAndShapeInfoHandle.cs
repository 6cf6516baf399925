namespace AzureML.Core.Onnx;

/// <summary>Owns an <c>OrtTensorTypeAndShapeInfo</c> returned by <c>GetTensorTypeAndShape</c>; released with <c>ReleaseTensorTypeAndShapeInfo</c>.</summary>
internal sealed class OrtTensorTypeAndShapeInfoHandle : OrtHandle
{
    /// <summary>Takes ownership of <paramref name="handle"/>.</summary>
    /// <param name="api">The function table.</param>
    /// <param name="handle">The native pointer.</param>
    public OrtTensorTypeAndShapeInfoHandle(OrtApi api, IntPtr handle) : base(api, handle) { }

    /// <inheritdoc />
    protected override unsafe bool ReleaseHandle()
    {
        Api.ReleaseTensorTypeAndShapeInfo(handle);
        return true;
    }
}
