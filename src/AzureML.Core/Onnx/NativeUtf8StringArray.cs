using System.Runtime.InteropServices;
using System.Text;

namespace AzureML.Core.Onnx;

/// <summary>
/// An array of NUL-terminated UTF-8 strings in one native block, laid out as <c>const char* const[]</c>. Input and
/// output names are encoded once per model so that <c>Run</c> passes them with no per-call encoding or pinning.
/// </summary>
internal sealed unsafe class NativeUtf8StringArray : SafeHandle
{
    /// <summary>Encodes <paramref name="values"/>.</summary>
    /// <param name="values">The strings.</param>
    public NativeUtf8StringArray(IReadOnlyList<string> values)
        : base(IntPtr.Zero, ownsHandle: true)
    {
        Count = values.Count;
        int pointerBytes = sizeof(IntPtr) * Count;
        int textBytes = 0;
        foreach (string value in values)
            textBytes += Encoding.UTF8.GetByteCount(value) + 1;

        byte* block = (byte*)NativeMemory.Alloc((nuint)(pointerBytes + textBytes));
        SetHandle((IntPtr)block);
        var pointers = (IntPtr*)block;
        byte* text = block + pointerBytes;
        for (int i = 0; i < Count; i++)
        {
            pointers[i] = (IntPtr)text;
            int written = Encoding.UTF8.GetBytes(values[i], new Span<byte>(text, textBytes));
            text[written] = 0;
            text += written + 1;
            textBytes -= written + 1;
        }
    }

    /// <summary>The number of strings.</summary>
    public int Count { get; }

    /// <summary>The <c>const char*</c> array; valid while this object is alive.</summary>
    public IntPtr* Pointers => (IntPtr*)handle;

    /// <inheritdoc />
    public override bool IsInvalid => handle == IntPtr.Zero;

    /// <inheritdoc />
    protected override bool ReleaseHandle()
    {
        NativeMemory.Free((void*)handle);
        return true;
    }
}
