using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace AzureML.Core.Onnx;

/// <summary>
/// A minimal protocol-buffers encoder: the four wire types ONNX needs (varint, 64-bit, length-delimited, 32-bit).
/// Nested messages are encoded into their own writer and then copied in as bytes, which is simple and fast enough
/// for model files.
/// </summary>
internal sealed class ProtobufWriter
{
    private const int Varint = 0, Fixed64 = 1, LengthDelimited = 2, Fixed32 = 5;
    private readonly ArrayBufferWriter<byte> _buffer = new();

    /// <summary>The bytes written so far.</summary>
    public ReadOnlySpan<byte> WrittenSpan => _buffer.WrittenSpan;

    /// <summary>A copy of the bytes written so far.</summary>
    public byte[] ToArray() => _buffer.WrittenSpan.ToArray();

    /// <summary>Writes an int64/int32/enum/bool field. Negative values take ten bytes, as protobuf requires.</summary>
    /// <param name="field">The field number.</param>
    /// <param name="value">The value.</param>
    public void WriteInt64(int field, long value)
    {
        WriteTag(field, Varint);
        WriteVarint((ulong)value);
    }

    /// <summary>Writes a float field (wire type 32-bit, little-endian).</summary>
    /// <param name="field">The field number.</param>
    /// <param name="value">The value.</param>
    public void WriteFloat(int field, float value)
    {
        WriteTag(field, Fixed32);
        BinaryPrimitives.WriteSingleLittleEndian(_buffer.GetSpan(4), value);
        _buffer.Advance(4);
    }

    /// <summary>Writes a double field (wire type 64-bit, little-endian).</summary>
    /// <param name="field">The field number.</param>
    /// <param name="value">The value.</param>
    public void WriteDouble(int field, double value)
    {
        WriteTag(field, Fixed64);
        BinaryPrimitives.WriteDoubleLittleEndian(_buffer.GetSpan(8), value);
        _buffer.Advance(8);
    }

    /// <summary>Writes a string field as UTF-8.</summary>
    /// <param name="field">The field number.</param>
    /// <param name="value">The text.</param>
    public void WriteString(int field, string value)
    {
        int length = Encoding.UTF8.GetByteCount(value);
        WriteTag(field, LengthDelimited);
        WriteVarint((ulong)length);
        Encoding.UTF8.GetBytes(value, _buffer.GetSpan(length));
        _buffer.Advance(length);
    }

    /// <summary>Writes a bytes field (also used for sub-messages and packed arrays).</summary>
    /// <param name="field">The field number.</param>
    /// <param name="value">The bytes.</param>
    public void WriteBytes(int field, ReadOnlySpan<byte> value)
    {
        WriteTag(field, LengthDelimited);
        WriteVarint((ulong)value.Length);
        value.CopyTo(_buffer.GetSpan(value.Length));
        _buffer.Advance(value.Length);
    }

    /// <summary>Writes a sub-message produced by <paramref name="writeBody"/>.</summary>
    /// <typeparam name="TState">The state passed to <paramref name="writeBody"/>, so callers need no closure.</typeparam>
    /// <param name="field">The field number.</param>
    /// <param name="state">What to encode.</param>
    /// <param name="writeBody">Encodes <paramref name="state"/>'s fields.</param>
    public void WriteMessage<TState>(int field, TState state, Action<ProtobufWriter, TState> writeBody)
    {
        var body = new ProtobufWriter();
        writeBody(body, state);
        WriteBytes(field, body.WrittenSpan);
    }

    private void WriteTag(int field, int wireType) => WriteVarint((ulong)((field << 3) | wireType));

    private void WriteVarint(ulong value)
    {
        Span<byte> span = _buffer.GetSpan(10);
        int i = 0;
        while (value >= 0x80)
        {
            span[i++] = (byte)(value | 0x80);
            value >>= 7;
        }
        span[i++] = (byte)value;
        _buffer.Advance(i);
    }
}
