using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace AlpacaConnect.Gql.Persistence;

/// <summary>
/// Encrypts the key ring with a certificate through Data Protection's own <c>ProtectKeysWithCertificate</c>. The
/// certificate is loaded while services are registered (the method takes an instance); what went wrong is kept and
/// reported by the start-up validation, so a bad file stops the server with a line naming the setting.
/// </summary>
internal sealed class KeyRingProtection
{
    private const string PathSetting = $"{KeyRingOptions.Section}:{nameof(KeyRingOptions.CertificatePath)}";
    private const string ThumbprintSetting = $"{KeyRingOptions.Section}:{nameof(KeyRingOptions.CertificateThumbprint)}";

    private KeyRingProtection(X509Certificate2? certificate, string? problem)
    {
        Certificate = certificate;
        Problem = problem;
    }

    public X509Certificate2? Certificate { get; }

    /// <summary>Why the configured certificate cannot be used; null when it can or none is configured.</summary>
    public string? Problem { get; }

    public static void Configure(IDataProtectionBuilder dataProtection, IConfiguration configuration, string contentRoot)
    {
        var protection = Load(configuration.GetSection(KeyRingOptions.Section).Get<KeyRingOptions>() ?? new(), contentRoot);
        if (protection.Certificate is { } certificate)
        {
            dataProtection.ProtectKeysWithCertificate(certificate);
        }

        dataProtection.Services.AddSingleton(protection);
        dataProtection.Services.AddOptions<KeyRingOptions>().ValidateOnStart();
        dataProtection.Services.AddSingleton<IValidateOptions<KeyRingOptions>, Validator>();
    }

    private static KeyRingProtection Load(KeyRingOptions options, string contentRoot)
    {
        try
        {
            var certificate = options switch
            {
                { CertificatePath: { Length: > 0 } path } => X509CertificateLoader.LoadPkcs12FromFile(
                    Path.GetFullPath(path, contentRoot), options.CertificatePassword),
                { CertificateThumbprint: { Length: > 0 } thumbprint } => FromStore(thumbprint),
                _ => null,
            };
            using var privateKey = certificate?.GetRSAPrivateKey();
            return certificate is not null && privateKey is null
                ? new(null, $"The key-ring certificate ({SettingOf(options)}) has no RSA private key.")
                : new(certificate, null);
        }
        catch (Exception error) when (error is CryptographicException or IOException or UnauthorizedAccessException)
        {
            // The message says what failed (file not found, wrong password) and never holds the password.
            return new(null, $"{SettingOf(options)} cannot be loaded: {error.Message}");
        }
    }

    private static X509Certificate2 FromStore(string thumbprint)
    {
        using var store = new X509Store(StoreName.My, StoreLocation.CurrentUser);
        store.Open(OpenFlags.ReadOnly);
        return store.Certificates.Find(X509FindType.FindByThumbprint, thumbprint, validOnly: false).FirstOrDefault()
            ?? throw new CryptographicException($"no certificate with thumbprint {thumbprint} in the current user's My store.");
    }

    private static string SettingOf(KeyRingOptions options) =>
        string.IsNullOrEmpty(options.CertificatePath) ? ThumbprintSetting : PathSetting;

    private sealed class Validator(KeyRingProtection protection, IHostEnvironment environment) : IValidateOptions<KeyRingOptions>
    {
        public ValidateOptionsResult Validate(string? name, KeyRingOptions options) => protection switch
        {
            { Problem: { } problem } => ValidateOptionsResult.Fail(problem),
            { Certificate: null } when !environment.IsDevelopment() => ValidateOptionsResult.Fail(
                $"{PathSetting} (with {KeyRingOptions.Section}:{nameof(KeyRingOptions.CertificatePassword)}) or {ThumbprintSetting} must be set outside Development: the key ring that encrypts every stored Alpaca token may not sit in the database unencrypted."),
            _ => ValidateOptionsResult.Success,
        };
    }
}
