using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace AlpacaConnect.Gql.Tests.TestHost;

/// <summary>
/// A throwaway self-signed RSA certificate in a password-protected PKCS#12 file, for the key-ring protection every host
/// outside Development needs. Made once per test run and deleted when the run ends; not a secret.
/// </summary>
public sealed class TestCertificate
{
    private static readonly Lazy<TestCertificate> SharedInstance = new(Create);

    private TestCertificate(string path, string password)
    {
        Path = path;
        Password = password;
    }

    public static TestCertificate Shared => SharedInstance.Value;

    public string Path { get; }

    public string Password { get; }

    /// <summary>The settings that point the key ring at this certificate.</summary>
    public IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["DataProtection:CertificatePath"] = Path,
        ["DataProtection:CertificatePassword"] = Password,
    };

    public static TestCertificate Create()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=alpaca-connect-test-key-ring", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var now = TimeProvider.System.GetUtcNow();
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(1));
        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"alpaca-connect-key-ring-{Guid.NewGuid():N}.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, password));
        AppDomain.CurrentDomain.ProcessExit += (_, _) => File.Delete(path);
        return new TestCertificate(path, password);
    }
}
