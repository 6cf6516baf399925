using System.Text;

namespace AzureML.Core.Data.Delimited;

/// <summary>Maps azureml's encoding names to strict decoders that fail on bytes the encoding cannot hold.</summary>
internal static class DelimitedEncodings
{
    private const string Supported = "utf8, latin1 (iso88591), utf16, ascii, windows1252";

    /// <summary>The strict encoding for an azureml encoding name (case, '-' and '_' are ignored).</summary>
    /// <exception cref="UserErrorException">The name is not supported.</exception>
    public static Encoding Resolve(string name)
    {
        string key = (name ?? string.Empty).Replace("-", string.Empty, StringComparison.Ordinal)
            .Replace("_", string.Empty, StringComparison.Ordinal).ToLowerInvariant();
        return key switch
        {
            "utf8" or "utf8bom" => new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true),
            "latin1" or "iso88591" => Strict(Encoding.Latin1),
            "utf16" or "utf16le" or "unicode" => new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true),
            "ascii" or "usascii" => Strict(Encoding.ASCII),
            "windows1252" or "cp1252" => Strict(CodePagesEncodingProvider.Instance.GetEncoding(1252)!),
            _ => throw new UserErrorException($"Encoding '{name}' is not supported; use one of {Supported}."),
        };
    }

    /// <summary>
    /// The encoding to decode with once the first bytes are known: a UTF-8 byte order mark is skipped, and a
    /// UTF-16 one also picks the byte order (little-endian when there is none).
    /// </summary>
    public static Encoding ForByteOrderMark(Encoding requested, ReadOnlySpan<byte> head, out int byteOrderMarkLength)
    {
        byteOrderMarkLength = 0;
        if (requested is UTF8Encoding && head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            byteOrderMarkLength = 3;
        }
        else if (requested is UnicodeEncoding && (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])))
        {
            byteOrderMarkLength = 2;
            return new UnicodeEncoding(bigEndian: head[0] == 0xFE, byteOrderMark: false, throwOnInvalidBytes: true);
        }
        return requested;
    }

    /// <summary>The same encoding but replacing undecodable bytes, to read up to an error and count its line.</summary>
    public static Encoding Lenient(Encoding strict)
    {
        var lenient = (Encoding)strict.Clone();
        lenient.DecoderFallback = DecoderFallback.ReplacementFallback;
        return lenient;
    }

    private static Encoding Strict(Encoding encoding)
    {
        var strict = (Encoding)encoding.Clone();
        strict.DecoderFallback = DecoderFallback.ExceptionFallback;
        return strict;
    }
}
