namespace AzureML.Core.Onnx;

/// <summary>Owns an <c>OrtMemoryInfo</c> (describes where tensor buffers live); released with <c>ReleaseMemoryInfo</c>.</summary>
internal sealed class OrtMemoryInfoHandle : OrtHandle
{
    /// <summary>Takes ownership of <paramref name="handle"/>.</summary>
    /// <param name="api">The function table.</param>
    /// <param name="handle">The native pointer.</param>
    public OrtMemoryInfoHandle(OrtApi api, IntPtr handle) : base(api, handle) { }

    /// <inheritdoc />
    protected override unsafe bool ReleaseHandle()
    {
        Api.ReleaseMemoryInfo(handle);
        return true;
    }
}
