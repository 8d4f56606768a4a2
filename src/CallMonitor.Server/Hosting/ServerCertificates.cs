using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace CallMonitor.Server.Hosting;

/// <summary>Loads the TLS certificate named by <see cref="ServerOptions"/>.</summary>
internal static class ServerCertificates
{
    /// <exception cref="ArgumentException">The file is not a certificate this service can use, or the password is wrong.</exception>
    public static X509Certificate2 Load(ServerOptions options)
    {
        var path = options.CertificatePath ?? throw new ArgumentException("no certificate configured", nameof(options));
        try
        {
            var certificate = options.CertificateKeyPath is { } key
                ? (options.CertificatePassword is { } password
                    ? X509Certificate2.CreateFromEncryptedPemFile(path, password, key)
                    : X509Certificate2.CreateFromPemFile(path, key))
                : X509CertificateLoader.LoadPkcs12FromFile(path, options.CertificatePassword);
            if (!certificate.HasPrivateKey)
            {
                throw new ArgumentException($"the certificate {path} has no private key: give the PFX that contains it, or --cert-key for a PEM certificate", nameof(options));
            }

            return certificate;
        }
        catch (CryptographicException e)
        {
            throw new ArgumentException($"could not load the certificate {path}: {e.Message} (wrong password, or not a PFX / PEM file)", nameof(options), e);
        }
    }
}
