using System.Security.Cryptography;
using System.Text;

namespace CallMonitor.Storage.RulePacks;

/// <summary>The content hash the store compares packs by: SHA-256 of the UTF-8 bytes, lower-case hex.</summary>
public static class RulePackHash
{
    public static string Of(string yaml)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(yaml)));
    }
}
