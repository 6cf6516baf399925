using System.Security.Cryptography;
using System.Text;
using AzureML.Core.Internal;

namespace AzureML.Core.Backends.Local;

/// <summary>
/// Encrypts datastore secrets (account keys, SAS tokens) with AES-GCM under a random per-workspace key kept in
/// <c>secrets.key</c>, readable by the owner only (0600). The database then holds only ciphertext, so copying
/// or sharing <c>workspace.db</c> does not leak a credential; the key file must not be shared with it.
/// </summary>
internal sealed class LocalSecretProtector
{
    /// <summary>The key file's name in the workspace folder.</summary>
    public const string KeyFileName = "secrets.key";

    private const int KeySize = 32;
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private readonly string _keyFile;

    public LocalSecretProtector(string workspaceRoot) => _keyFile = Path.Combine(workspaceRoot, KeyFileName);

    /// <summary>Encrypts <paramref name="secret"/>; <paramref name="context"/> (the datastore name) binds it to its row.</summary>
    public byte[] Protect(string secret, string context)
    {
        byte[] plain = Encoding.UTF8.GetBytes(secret);
        byte[] sealedBytes = new byte[NonceSize + TagSize + plain.Length];
        Span<byte> nonce = sealedBytes.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(LoadOrCreateKey(), TagSize);
        aes.Encrypt(nonce, plain, sealedBytes.AsSpan(NonceSize + TagSize), sealedBytes.AsSpan(NonceSize, TagSize), Encoding.UTF8.GetBytes(context));
        CryptographicOperations.ZeroMemory(plain);
        return sealedBytes;
    }

    /// <summary>Decrypts what <see cref="Protect"/> returned for the same <paramref name="context"/>.</summary>
    /// <exception cref="AzureMLException">The key file is missing or was replaced, or the value was altered.</exception>
    public string Unprotect(byte[] sealedBytes, string context)
    {
        byte[] plain = new byte[sealedBytes.Length - NonceSize - TagSize];
        try
        {
            using var aes = new AesGcm(LoadOrCreateKey(), TagSize);
            aes.Decrypt(sealedBytes.AsSpan(0, NonceSize), sealedBytes.AsSpan(NonceSize + TagSize), sealedBytes.AsSpan(NonceSize, TagSize), plain,
                Encoding.UTF8.GetBytes(context));
        }
        catch (AuthenticationTagMismatchException ex)
        {
            throw new AzureMLException(
                $"The stored secret of '{context}' cannot be decrypted with '{_keyFile}'; the key file was replaced or the database " +
                "was copied from another workspace. Register the datastore (or deploy the service) again with overwrite: true.", ex);
        }

        return Encoding.UTF8.GetString(plain);
    }

    private byte[] LoadOrCreateKey()
    {
        if (File.Exists(_keyFile)) return ReadKey();
        byte[] key = RandomNumberGenerator.GetBytes(KeySize);
        try
        {
            // Two processes may race to create the key: the first one wins and both use the winner's key.
            FileWriting.WriteAtomically(_keyFile, key, overwrite: false, ownerOnly: true);
            return key;
        }
        catch (IOException) when (File.Exists(_keyFile))
        {
            return ReadKey();
        }
    }

    private byte[] ReadKey()
    {
        byte[] key = File.ReadAllBytes(_keyFile);
        if (key.Length != KeySize) throw new AzureMLException($"'{_keyFile}' is not a workspace key ({key.Length} bytes, expected {KeySize}).");
        return key;
    }
}
