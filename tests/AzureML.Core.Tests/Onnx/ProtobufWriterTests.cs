using AzureML.Core.Onnx;
using NUnit.Framework;

namespace AzureML.Core.Tests.Onnx;

[TestFixture]
public class ProtobufWriterTests
{
    [TestCase(1, 0L, new byte[] { 0x08, 0x00 })]
    [TestCase(1, 150L, new byte[] { 0x08, 0x96, 0x01 })]
    [TestCase(2, -1L, new byte[] { 0x10, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01 })]
    [TestCase(20, 3L, new byte[] { 0xA0, 0x01, 0x03 })]
    public void WriteInt64_Value_EncodesVarint(int field, long value, byte[] expected)
    {
        var writer = new ProtobufWriter();

        writer.WriteInt64(field, value);

        Assert.That(writer.ToArray(), Is.EqualTo(expected));
    }

    [Test]
    public void WriteFloat_Value_EncodesFixed32LittleEndian()
    {
        var writer = new ProtobufWriter();

        writer.WriteFloat(7, 1f);

        Assert.That(writer.ToArray(), Is.EqualTo(new byte[] { 0x3D, 0x00, 0x00, 0x80, 0x3F }));
    }

    [Test]
    public void WriteMessage_NestedString_PrefixesLength()
    {
        var writer = new ProtobufWriter();

        writer.WriteMessage(8, "ai.onnx.ml", static (m, domain) => m.WriteString(1, domain));

        Assert.That(writer.ToArray(), Is.EqualTo((byte[])[0x42, 12, 0x0A, 10, .. "ai.onnx.ml"u8.ToArray()]));
    }
}
