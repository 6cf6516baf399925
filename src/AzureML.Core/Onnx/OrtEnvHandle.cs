namespace AzureML.Core.Onnx;

/// <summary>Owns the process-wide <c>OrtEnv</c>; released with <c>ReleaseEnv</c>.</summary>
internal sealed class OrtEnvHandle : OrtHandle
{
    /// <summary>Takes ownership of <paramref name="handle"/>.</summary>
    /// <param name="api">The function table.</param>
    /// <param name="handle">The native pointer.</param>
    public OrtEnvHandle(OrtApi api, IntPtr handle) : base(api, handle) { }

    /// <inheritdoc />
    protected override unsafe bool ReleaseHandle()
    {
        Api.ReleaseEnv(handle);
        return true;
    }
}
