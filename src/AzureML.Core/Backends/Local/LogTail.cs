using System.Text;

namespace AzureML.Core.Backends.Local;

/// <summary>Follows a growing log file and hands out complete lines as they appear.</summary>
internal sealed class LogTail
{
    private readonly string _path;
    private byte[] _pending = Array.Empty<byte>();
    private long _offset;

    public LogTail(string path) => _path = path;

    /// <summary>Sends every complete line written since the last call; with <paramref name="final"/>, also the last partial line.</summary>
    public void Pump(Action<string> output, bool final = false)
    {
        if (File.Exists(_path))
        {
            using var stream = new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            if (stream.Length > _offset)
            {
                stream.Seek(_offset, SeekOrigin.Begin);
                var buffer = new byte[_pending.Length + (stream.Length - _offset)];
                _pending.CopyTo(buffer, 0);
                int read = stream.ReadAtLeast(buffer.AsSpan(_pending.Length), buffer.Length - _pending.Length, throwOnEndOfStream: false);
                _offset += read;
                int length = _pending.Length + read;
                // Lines are cut at '\n' bytes, so a multi-byte character is never split.
                int lastNewline = Array.LastIndexOf(buffer, (byte)'\n', length - 1);
                if (lastNewline >= 0)
                {
                    foreach (string line in Encoding.UTF8.GetString(buffer, 0, lastNewline).Split('\n')) output(line.TrimEnd('\r'));
                }

                _pending = buffer[(lastNewline + 1)..length];
            }
        }

        if (final && _pending.Length > 0)
        {
            output(Encoding.UTF8.GetString(_pending).TrimEnd('\r'));
            _pending = Array.Empty<byte>();
        }
    }

    /// <summary>The last <paramref name="maxLines"/> lines of a file (at most 64 KB read), or <c>null</c> when empty or missing.</summary>
    public static string? ReadTail(string path, int maxLines)
    {
        if (!File.Exists(path)) return null;
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        long start = Math.Max(0, stream.Length - 65536);
        stream.Seek(start, SeekOrigin.Begin);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        string[] lines = reader.ReadToEnd().TrimEnd('\n', '\r').Split('\n');
        string tail = string.Join('\n', lines.TakeLast(maxLines).Select(l => l.TrimEnd('\r')));
        return tail.Length == 0 ? null : tail;
    }
}
