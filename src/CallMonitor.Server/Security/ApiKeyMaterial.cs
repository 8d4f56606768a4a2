using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace CallMonitor.Server.Security;

/// <summary>New API keys and the hashes the key file stores in their place.</summary>
public static class ApiKeyMaterial
{
    /// <summary>Random bytes in a new key: 256 bits, beyond any guessing.</summary>
    public const int KeyBytes = 32;

    /// <summary>A fresh key: <see cref="KeyBytes"/> bytes from the system's cryptographic generator, base64url without padding.</summary>
    public static string NewKey() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(KeyBytes));

    /// <summary>SHA-256 of the key's UTF-8 bytes.</summary>
    public static byte[] Hash(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return SHA256.HashData(Encoding.UTF8.GetBytes(key));
    }

    /// <summary>SHA-256 of the key's UTF-8 bytes as 64 lower-case hex digits: the key file's <c>sha256</c> value.</summary>
    public static string HashHex(string key) => Convert.ToHexStringLower(Hash(key));
}
