using System.Runtime.InteropServices;

namespace AzureML.Core.Onnx;

/// <summary>
/// Owns memory ONNX Runtime returned through an <c>OrtAllocator*</c> argument (names, metadata strings, key arrays),
/// which must be freed with <c>AllocatorFree</c> on the same allocator.
/// </summary>
internal sealed class OrtAllocatedString : OrtHandle
{
    private readonly IntPtr _allocator;

    /// <summary>Takes ownership of <paramref name="handle"/>, which may be null (a missing metadata value).</summary>
    /// <param name="api">The function table.</param>
    /// <param name="allocator">The allocator that allocated the memory.</param>
    /// <param name="handle">The native pointer.</param>
    public OrtAllocatedString(OrtApi api, IntPtr allocator, IntPtr handle) : base(api, handle)
    {
        _allocator = allocator;
    }

    /// <summary>The NUL-terminated UTF-8 text, or <see langword="null"/> when the pointer is null.</summary>
    public string? Value => IsInvalid ? null : Marshal.PtrToStringUTF8(handle);

    /// <inheritdoc />
    protected override unsafe bool ReleaseHandle()
    {
        // AllocatorFree returns a status; there is nothing useful to do with a failure while releasing.
        IntPtr status = Api.AllocatorFree(_allocator, (void*)handle);
        if (status != IntPtr.Zero)
            Api.ReleaseStatus(status);
        return true;
    }
}
