namespace AzureML.Core.Onnx;

/// <summary>Owns an <c>OrtSession</c> (a loaded model); released with <c>ReleaseSession</c>.</summary>
internal sealed class OrtSessionHandle : OrtHandle
{
    /// <summary>Takes ownership of <paramref name="handle"/>.</summary>
    /// <param name="api">The function table.</param>
    /// <param name="handle">The native pointer.</param>
    public OrtSessionHandle(OrtApi api, IntPtr handle) : base(api, handle) { }

    /// <inheritdoc />
    protected override unsafe bool ReleaseHandle()
    {
        Api.ReleaseSession(handle);
        return true;
    }
}
