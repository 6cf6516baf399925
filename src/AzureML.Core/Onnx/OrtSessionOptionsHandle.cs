namespace AzureML.Core.Onnx;

/// <summary>Owns an <c>OrtSessionOptions</c>; released with <c>ReleaseSessionOptions</c>.</summary>
internal sealed class OrtSessionOptionsHandle : OrtHandle
{
    /// <summary>Takes ownership of <paramref name="handle"/>.</summary>
    /// <param name="api">The function table.</param>
    /// <param name="handle">The native pointer.</param>
    public OrtSessionOptionsHandle(OrtApi api, IntPtr handle) : base(api, handle) { }

    /// <inheritdoc />
    protected override unsafe bool ReleaseHandle()
    {
        Api.ReleaseSessionOptions(handle);
        return true;
    }
}
