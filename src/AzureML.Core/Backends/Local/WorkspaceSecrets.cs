using System.Security.Cryptography;
using System.Text;

namespace AzureML.Core.Backends.Local;

/// <summary>
/// Encrypts secrets (service keys) before they go into the workspace database, with AES-GCM under a
/// random key kept in <c>secrets/workspace.key</c>, readable only by its owner. A copy of the database alone
/// reveals no secret.
/// </summary>
internal sealed class WorkspaceSecrets
{
    private readonly Lazy<byte[]> _key;

    public WorkspaceSecrets(string root) => _key = new Lazy<byte[]>(() => LoadOrCreateKey(Path.Combine(root, "secrets", "workspace.key")));

    public string Protect(string secret)
    {
        byte[] plain = Encoding.UTF8.GetBytes(secret);
        byte[] nonce = RandomNumberGenerator.GetBytes(AesGcm.NonceByteSizes.MaxSize);
        byte[] cipher = new byte[plain.Length];
        byte[] tag = new byte[AesGcm.TagByteSizes.MaxSize];
        using (var aes = new AesGcm(_key.Value, tag.Length)) aes.Encrypt(nonce, plain, cipher, tag);
        return Convert.ToBase64String([.. nonce, .. tag, .. cipher]);
    }

    public string Unprotect(string protectedSecret)
    {
        byte[] all = Convert.FromBase64String(protectedSecret);
        int nonceSize = AesGcm.NonceByteSizes.MaxSize;
        int tagSize = AesGcm.TagByteSizes.MaxSize;
        byte[] plain = new byte[all.Length - nonceSize - tagSize];
        using (var aes = new AesGcm(_key.Value, tagSize))
        {
            aes.Decrypt(all.AsSpan(0, nonceSize), all.AsSpan(nonceSize + tagSize), all.AsSpan(nonceSize, tagSize), plain);
        }

        return Encoding.UTF8.GetString(plain);
    }

    /// <summary>A new random key for a service: 32 bytes, URL-safe base64.</summary>
    public static string NewServiceKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] LoadOrCreateKey(string path)
    {
        if (File.Exists(path)) return File.ReadAllBytes(path);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        string temp = $"{path}.{Guid.NewGuid():N}.tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var stream = new FileStream(temp, options)) stream.Write(RandomNumberGenerator.GetBytes(32));
        try
        {
            File.Move(temp, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temp); // another process created it first; use theirs
        }

        return File.ReadAllBytes(path);
    }
}
