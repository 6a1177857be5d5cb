namespace AlpacaConnect.Gql.Persistence;

/// <summary>
/// How the Data Protection key ring (stored in the database, and guarding every Alpaca token) is itself encrypted
/// (configuration section <c>DataProtection</c>). Outside Development one certificate is required; the server refuses
/// to start without it. Read once when services are registered: Data Protection takes the certificate itself.
/// </summary>
internal sealed class KeyRingOptions
{
    public const string Section = "DataProtection";

    /// <summary>A PKCS#12 file (<c>.pfx</c>) with an RSA certificate and its private key; relative to the content root.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>The password of <see cref="CertificatePath"/>. A secret: <c>DataProtection__CertificatePassword</c>.</summary>
    public string? CertificatePassword { get; set; }

    /// <summary>Instead of a file: the thumbprint of a certificate with its private key in the current user's <c>My</c> store.</summary>
    public string? CertificateThumbprint { get; set; }
}
