using System.Buffers.Text;
using CallMonitor.Server.Security;

namespace CallMonitor.Server.Tests.Security;

public class ApiKeyMaterialTests
{
    [Test]
    public void NewKey_TwoKeys_Base64UrlOf32RandomBytesAndDifferent()
    {
        var first = ApiKeyMaterial.NewKey();
        var second = ApiKeyMaterial.NewKey();

        Assert.Multiple(() =>
        {
            Assert.That(Base64Url.DecodeFromChars(first), Has.Length.EqualTo(32));
            Assert.That(first, Does.Match("^[A-Za-z0-9_-]+$"), "base64url without padding: safe in a header and a shell");
            Assert.That(second, Is.Not.EqualTo(first));
        });
    }

    [Test]
    public void HashHex_Abc_IsTheStandardSha256TestVector()
    {
        // FIPS 180-2 example: SHA-256("abc").
        Assert.That(ApiKeyMaterial.HashHex("abc"), Is.EqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
    }

    [Test]
    public void HashHex_NonAsciiKey_HashesUtf8Bytes()
    {
        Assert.That(ApiKeyMaterial.HashHex("密钥"), Is.EqualTo(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("密钥"u8))));
    }
}
