namespace AzureML.Core.Onnx;

/// <summary>Owns an <c>OrtValue</c> (tensor, sequence or map); released with <c>ReleaseValue</c>.</summary>
internal sealed class OrtValueHandle : OrtHandle
{
    /// <summary>Takes ownership of <paramref name="handle"/>.</summary>
    /// <param name="api">The function table.</param>
    /// <param name="handle">The native pointer.</param>
    public OrtValueHandle(OrtApi api, IntPtr handle) : base(api, handle) { }

    /// <inheritdoc />
    protected override unsafe bool ReleaseHandle()
    {
        Api.ReleaseValue(handle);
        return true;
    }
}
