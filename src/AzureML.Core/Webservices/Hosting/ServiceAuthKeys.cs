using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AzureML.Core.Webservices.Hosting;

/// <summary>
/// Checks <c>Authorization: Bearer &lt;key&gt;</c> against the hashes in the service's auth file, comparing in
/// constant time, and picks up regenerated keys without a restart. The host never sees the keys themselves.
/// </summary>
internal sealed class ServiceAuthKeys
{
    private static readonly TimeSpan s_recheck = TimeSpan.FromMilliseconds(500);
    private readonly string _path;
    private readonly object _gate = new();
    private byte[][] _hashes = Array.Empty<byte[]>();
    private DateTime _stamp;
    private long _nextCheck;

    public ServiceAuthKeys(string path)
    {
        _path = path;
        Reload();
    }

    public static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    public static string HashFileContent(IEnumerable<string> keys)
        => new JsonObject { ["hashes"] = new JsonArray(keys.Select(k => (JsonNode?)Convert.ToBase64String(Hash(k))).ToArray()) }.ToJsonString();

    public bool IsAuthorized(string? authorizationHeader)
    {
        if (authorizationHeader is null || !authorizationHeader.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return false;
        byte[] presented = Hash(authorizationHeader[7..].Trim());

        // A key that matches nothing may have just been regenerated: look at the file again before refusing it.
        return Matches(CurrentHashes(force: false), presented) || Matches(CurrentHashes(force: true), presented);
    }

    private static bool Matches(byte[][] hashes, byte[] presented)
    {
        bool match = false;
        foreach (byte[] hash in hashes) match |= CryptographicOperations.FixedTimeEquals(hash, presented);
        return match;
    }

    private byte[][] CurrentHashes(bool force)
    {
        long now = System.Environment.TickCount64;
        if (force || now >= Volatile.Read(ref _nextCheck))
        {
            lock (_gate)
            {
                if (force || now >= _nextCheck)
                {
                    if (File.GetLastWriteTimeUtc(_path) != _stamp) Reload();
                    _nextCheck = now + (long)s_recheck.TotalMilliseconds;
                }
            }
        }

        return Volatile.Read(ref _hashes);
    }

    private void Reload()
    {
        DateTime stamp = File.GetLastWriteTimeUtc(_path);
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(_path));
        byte[][] hashes = doc.RootElement.GetProperty("hashes").EnumerateArray().Select(h => Convert.FromBase64String(h.GetString()!)).ToArray();
        Volatile.Write(ref _hashes, hashes);
        _stamp = stamp;
    }
}
