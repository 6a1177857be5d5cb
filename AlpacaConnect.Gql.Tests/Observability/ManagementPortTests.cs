using System.Net;
using AlpacaConnect.Gql.Tests.TestHost;
using Microsoft.Extensions.Hosting;

namespace AlpacaConnect.Gql.Tests.Observability;

/// <summary>
/// In Production the metrics are served on a management port of their own, and only there: the published server,
/// started as an operator starts it (ASPNETCORE_URLS for the app, <c>Management__Port</c> for the scraper).
/// </summary>
public sealed class ManagementPortTests : IDisposable
{
    private readonly string _database = Path.Combine(Path.GetTempPath(), $"alpaca-connect-management-{Guid.NewGuid():N}.db");

    [Fact]
    public async Task TheManagementPortServesMetricsAndHealthWhileTheAppPortAnswers404ForMetrics()
    {
        var (appPort, managementPort) = (ApiFactory.FreeLoopbackPort(), ApiFactory.FreeLoopbackPort());
        await using var server = ServerProcess.Start("/", new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{appPort}",
            ["Management__Port"] = $"{managementPort}",
            ["Management__Address"] = "127.0.0.1",
            ["Alpaca__Mode"] = "Sandbox",
            ["Sandbox__AllowOutsideDevelopment"] = "true",
            ["Jwt__SigningKey"] = ApiFactory.TestSigningKey,
            ["DataProtection__CertificatePath"] = TestCertificate.Shared.Path,
            ["DataProtection__CertificatePassword"] = TestCertificate.Shared.Password,
            ["Persistence__ConnectionString"] = $"Data Source={_database}",
        });
        await server.WaitUntilListeningAsync();
        using var app = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{appPort}") };
        using var management = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{managementPort}") };

        var scrape = await MetricsScrape.ReadAsync(management);
        using var appMetrics = await app.GetAsync(new Uri("/metrics", UriKind.Relative));
        // A client cannot reach the metrics by naming the management port in its Host header.
        using var forged = new HttpRequestMessage(HttpMethod.Get, "/metrics") { Headers = { Host = $"127.0.0.1:{managementPort}" } };
        using var forgedMetrics = await app.SendAsync(forged);
        using var appLive = await app.GetAsync(new Uri("/health/live", UriKind.Relative));
        using var managementLive = await management.GetAsync(new Uri("/health/live", UriKind.Relative));
        using var managementGraphQL = await management.GetAsync(new Uri("/graphql?query={__typename}", UriKind.Relative));

        Assert.Equal(0, Assert.Single(scrape.Matching("alpaca_connect_orders_unsettled_oldest_age_seconds")).Value);
        Assert.Equal(0, Assert.Single(scrape.Matching("alpaca_connect_orders_open_accounts")).Value);
        Assert.Equal(HttpStatusCode.NotFound, appMetrics.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, forgedMetrics.StatusCode);
        Assert.Equal(HttpStatusCode.OK, appLive.StatusCode);
        Assert.Equal(HttpStatusCode.OK, managementLive.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, managementGraphQL.StatusCode);
    }

    [Fact]
    public void AManagementPortOutOfRangeStopsTheServerNamingTheSetting()
    {
        using var host = new ApiFactory { EnvironmentName = Environments.Production }.WithSetting("Management:Port", "70000");

        var failure = OptionsFailure.Of(() => host.CreateClient());

        Assert.Contains("Port", failure.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        foreach (var suffix in new[] { "", "-shm", "-wal" })
        {
            File.Delete(_database + suffix);
        }
    }
}
