using System.Runtime.InteropServices;

namespace AzureML.Core.Onnx;

/// <summary>
/// Base of the handles to objects ONNX Runtime allocates. SafeHandle gives critical finalization and reference
/// counting, so a handle disposed on one thread is never released while another thread is inside a call using it.
/// </summary>
internal abstract class OrtHandle : SafeHandle
{
    /// <summary>Takes ownership of <paramref name="handle"/>.</summary>
    /// <param name="api">The table whose release function frees the object.</param>
    /// <param name="handle">The native pointer.</param>
    protected OrtHandle(OrtApi api, IntPtr handle)
        : base(IntPtr.Zero, ownsHandle: true)
    {
        Api = api;
        SetHandle(handle);
    }

    /// <summary>The function table the object came from.</summary>
    protected OrtApi Api { get; }

    /// <inheritdoc />
    public override bool IsInvalid => handle == IntPtr.Zero;
}
