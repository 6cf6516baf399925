namespace AzureML.Core.Onnx;

/// <summary>Owns an <c>OrtTypeInfo</c>; released with <c>ReleaseTypeInfo</c>.</summary>
internal sealed class OrtTypeInfoHandle : OrtHandle
{
    /// <summary>Takes ownership of <paramref name="handle"/>.</summary>
    /// <param name="api">The function table.</param>
    /// <param name="handle">The native pointer.</param>
    public OrtTypeInfoHandle(OrtApi api, IntPtr handle) : base(api, handle) { }

    /// <inheritdoc />
    protected override unsafe bool ReleaseHandle()
    {
        Api.ReleaseTypeInfo(handle);
        return true;
    }
}
