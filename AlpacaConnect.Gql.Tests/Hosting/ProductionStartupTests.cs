using System.Net;
using AlpacaConnect.Gql.Persistence;
using AlpacaConnect.Gql.Tests.TestHost;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AlpacaConnect.Gql.Tests.Hosting;

/// <summary>Outside Development a forgotten setting stops the server instead of quietly trading against the simulator.</summary>
public sealed class ProductionStartupTests
{
    [Fact]
    public void ProductionWithoutAnAlpacaModeRefusesToStartNamingTheSetting()
    {
        using var production = new ApiFactory { EnvironmentName = Environments.Production }.WithSetting("Alpaca:Mode", null);

        var error = OptionsFailure.Of(() => production.CreateClient());

        Assert.Contains("Alpaca:Mode must be set outside Development", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ProductionInSandboxModeWithoutTheOptInRefusesToStartNamingTheSetting()
    {
        using var production = new ApiFactory { EnvironmentName = Environments.Production }
            .WithSetting("Sandbox:AllowOutsideDevelopment", null);

        var error = OptionsFailure.Of(() => production.CreateClient());

        Assert.Contains("Sandbox:AllowOutsideDevelopment must be true", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DevelopmentKeepsSandboxAsTheDefaultModeWithOpenControlEndpoints()
    {
        using var development = new ApiFactory();
        using var client = development.CreateClient();

        using var users = await client.GetAsync(new Uri("/sandbox/control/users", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, users.StatusCode);
    }

    [Fact]
    public void ProductionWithAnUnprotectedKeyRingRefusesToStartNamingTheSetting()
    {
        using var production = new ApiFactory { EnvironmentName = Environments.Production, KeyRingCertificate = null };

        var error = OptionsFailure.Of(() => production.CreateClient());

        Assert.Contains("DataProtection:CertificatePath", error.Message, StringComparison.Ordinal);
        Assert.Contains("must be set outside Development", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AKeyRingCertificateThatCannotBeOpenedStopsTheServerNamingTheSetting()
    {
        using var production = new ApiFactory { EnvironmentName = Environments.Production, KeyRingCertificate = null };
        var wrongPassword = TestCertificate.Shared;

        var error = OptionsFailure.Of(() => production
            .WithHostSetting("DataProtection:CertificatePath", wrongPassword.Path)
            .WithHostSetting("DataProtection:CertificatePassword", "not-the-password")
            .CreateClient());

        Assert.Contains("DataProtection:CertificatePath cannot be loaded", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-password", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InProductionTheKeyRingIsStoredEncryptedWithTheCertificate()
    {
        using var production = new ApiFactory { EnvironmentName = Environments.Production };
        using var client = production.CreateClient();

        var protector = production.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test");
        var secret = protector.Protect("a token");
        await using var db = await production.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var keys = await db.DataProtectionKeys.Select(k => k.Xml).ToListAsync();

        Assert.Equal("a token", protector.Unprotect(secret));
        var key = Assert.Single(keys);
        Assert.Contains("EncryptedXmlDecryptor", key, StringComparison.Ordinal);
        Assert.Contains("EncryptedData", key, StringComparison.Ordinal);
        Assert.DoesNotContain("<masterKey", key, StringComparison.Ordinal);
    }

    [Fact]
    public void AKeyRingCertificateThumbprintNotInTheStoreStopsTheServerNamingTheSetting()
    {
        using var production = new ApiFactory { EnvironmentName = Environments.Production, KeyRingCertificate = null }
            .WithHostSetting("DataProtection:CertificateThumbprint", "0000000000000000000000000000000000000000");

        var error = OptionsFailure.Of(() => production.CreateClient());

        Assert.Contains("DataProtection:CertificateThumbprint cannot be loaded", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AKeyRingWrittenUnderOneCertificateCannotBeReadWithAnother()
    {
        var database = Path.Combine(Path.GetTempPath(), $"alpaca-connect-key-ring-{Guid.NewGuid():N}.db");
        string secret;
        using (var first = new ApiFactory { EnvironmentName = Environments.Production }.WithSetting("Persistence:ConnectionString", $"Data Source={database}"))
        {
            first.CreateClient().Dispose();
            secret = first.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("a token");
        }

        using var thief = new ApiFactory { EnvironmentName = Environments.Production, KeyRingCertificate = TestCertificate.Create() }
            .WithSetting("Persistence:ConnectionString", $"Data Source={database}");
        thief.CreateClient().Dispose();

        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() =>
            thief.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(secret));
        foreach (var suffix in new[] { "", "-shm", "-wal" })
        {
            File.Delete(database + suffix);
        }
    }

    [Fact]
    public async Task ASandboxOutsideDevelopmentSaysSoInTheLogAndOnReadiness()
    {
        var logs = new LogCapture();
        using var production = new ApiFactory { EnvironmentName = Environments.Production }
            .WithServices(services => services.AddSingleton<ILoggerProvider>(logs));
        using var client = production.CreateClient();

        using var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        var body = await ready.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Contains("SANDBOX MODE in Production", body, StringComparison.Ordinal);
        Assert.Contains("Warning", logs.Text.Split('\n').Single(l => l.Contains("Alpaca:Mode is Sandbox in Production", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public void InAlpacaModeTheStartUpLogNamesTheUpstreamHosts()
    {
        var logs = new LogCapture();
        using var production = new ApiFactory { EnvironmentName = Environments.Production }
            .WithSetting("Alpaca:Mode", "Alpaca")
            .WithSetting("Alpaca:ClientId", "an-app")
            .WithSetting("Alpaca:ClientSecret", "not-a-real-secret")
            .WithSetting("Alpaca:RedirectUri", "https://app.test/auth/alpaca/callback")
            .WithServices(services => services.AddSingleton<ILoggerProvider>(logs));

        using var client = production.CreateClient();

        var line = logs.Text.Split('\n').Single(l => l.Contains("Alpaca:Mode is Alpaca", StringComparison.Ordinal));
        Assert.Contains("https://paper-api.alpaca.markets, https://api.alpaca.markets", line, StringComparison.Ordinal);
        Assert.Contains("https://data.alpaca.markets", line, StringComparison.Ordinal);
    }
}
