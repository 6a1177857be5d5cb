using System.Net;
using System.Text.Json;
using AlpacaConnect.Gql.Observability;
using AlpacaConnect.Gql.Persistence;
using AlpacaConnect.Gql.Tests.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AlpacaConnect.Gql.Tests.Observability;

public sealed class HealthTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task HealthEndpointsAnswerHealthy(string path)
    {
        using var client = factory.CreateClient();

        var (status, body) = await GetAsync(client, path);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Healthy", body.GetProperty("status").GetString());
    }

    [Fact]
    public async Task ReadinessChecksTheDatabaseAndInSandboxModeNeedsNoUpstream()
    {
        using var client = factory.CreateClient();

        var (_, body) = await GetAsync(client, "/health/ready");

        Assert.Equal("Healthy", body.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
        Assert.Equal("The embedded sandbox is the upstream.", body.GetProperty("checks").GetProperty("alpaca").GetProperty("description").GetString());
    }

    [Fact]
    public async Task NotReadyWhileTheDatabaseIsUnavailableButStillLive()
    {
        using var app = new ApiFactory().WithServices(services => services
            .AddSingleton<BreakableDatabase>()
            .AddSingleton<IDbContextFactory<AppDbContext>>(provider => provider.GetRequiredService<BreakableDatabase>()));
        using var client = app.CreateClient();
        var database = app.Services.GetRequiredService<BreakableDatabase>();

        var (before, _) = await GetAsync(client, "/health/ready");
        database.Broken = true;
        var (broken, body) = await GetAsync(client, "/health/ready");
        var (live, _) = await GetAsync(client, "/health/live");
        database.Broken = false;
        var (after, _) = await GetAsync(client, "/health/ready");

        Assert.Equal(HttpStatusCode.OK, before);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, broken);
        Assert.Equal("Unhealthy", body.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, live);
        Assert.Equal(HttpStatusCode.OK, after);
    }

    [Fact]
    public async Task InAlpacaModeReadinessFollowsAlpacasReachabilityAskedAtMostOncePerCachePeriod()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 15, 0, 0, TimeSpan.Zero));
        using var alpaca = new ProbedAlpaca();
        using var app = AlpacaMode(time, alpaca)
            .WithSetting("Observability:Health:UpstreamCacheDuration", "00:00:30")
            .WithSetting("Observability:Health:UpstreamFailureCacheDuration", "00:00:30");
        using var client = app.CreateClient();

        var (unreachable, body) = await GetAsync(client, "/health/ready");
        alpaca.Answer = HttpStatusCode.Unauthorized; // Alpaca is back: any answer means reachable
        time.Advance(TimeSpan.FromSeconds(29));
        var (stillCached, _) = await GetAsync(client, "/health/ready");
        var callsWithinPeriod = alpaca.Calls;
        time.Advance(TimeSpan.FromSeconds(1));
        var (reachable, _) = await GetAsync(client, "/health/ready");
        alpaca.Answer = HttpStatusCode.ServiceUnavailable;
        time.Advance(TimeSpan.FromSeconds(30));
        var (failing, failingBody) = await GetAsync(client, "/health/ready");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, unreachable);
        Assert.Equal("Unhealthy", body.GetProperty("checks").GetProperty("alpaca").GetProperty("status").GetString());
        Assert.Equal("Healthy", body.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, stillCached);
        Assert.Equal(1, callsWithinPeriod);
        Assert.Equal(HttpStatusCode.OK, reachable);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, failing);
        Assert.Equal("paper-api.alpaca.test answered 503.", failingBody.GetProperty("checks").GetProperty("alpaca").GetProperty("description").GetString());
        Assert.Equal(3, alpaca.Calls);
        Assert.All(alpaca.Requests, r => Assert.Equal("https://paper-api.alpaca.test/v2/clock", r.Url));
        Assert.All(alpaca.Requests, r => Assert.False(r.HadAuthorization)); // no user's token is spent on probes
    }

    [Fact]
    public async Task AServerWhoseFirstProbeMetABlipIsReadySecondsAfterAlpacaAnswersAgain()
    {
        // Defaults: an answer that Alpaca is reachable is reused for 30 s; one that it is not, for 5 s, so a restart
        // that met a passing 503 is not kept out of its load balancer for half a minute.
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 15, 0, 0, TimeSpan.Zero));
        using var alpaca = new ProbedAlpaca { Answer = HttpStatusCode.ServiceUnavailable };
        using var app = AlpacaMode(time, alpaca);
        using var client = app.CreateClient();

        var (blip, _) = await GetAsync(client, "/health/ready");
        alpaca.Answer = HttpStatusCode.Unauthorized;
        time.Advance(TimeSpan.FromSeconds(4));
        var (withinFailurePeriod, _) = await GetAsync(client, "/health/ready");
        time.Advance(TimeSpan.FromSeconds(1));
        var (back, _) = await GetAsync(client, "/health/ready");
        alpaca.Answer = HttpStatusCode.ServiceUnavailable;
        time.Advance(TimeSpan.FromSeconds(29));
        var (successStillReused, _) = await GetAsync(client, "/health/ready");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, blip);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, withinFailurePeriod);
        Assert.Equal(HttpStatusCode.OK, back);
        Assert.Equal(HttpStatusCode.OK, successStillReused);
        Assert.Equal(2, alpaca.Calls);
    }

    /// <summary>A server in Alpaca mode whose readiness probes reach <paramref name="alpaca"/>, on <paramref name="time"/>.</summary>
    private static ApiFactory AlpacaMode(FakeTimeProvider time, ProbedAlpaca alpaca) => new ApiFactory()
        .WithSetting("Alpaca:Mode", "Alpaca")
        .WithSetting("Alpaca:ClientId", "an-app")
        .WithSetting("Alpaca:ClientSecret", "not-a-real-secret")
        .WithSetting("Alpaca:RedirectUri", "https://app.test/auth/alpaca/callback")
        .WithSetting("Alpaca:TradingPaperBaseUrl", "https://paper-api.alpaca.test")
        .WithServices(services =>
        {
            services.AddSingleton<TimeProvider>(time);
            services.AddHttpClient(AlpacaUpstreamHealthCheck.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => alpaca);
        });

    private static async Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    /// <summary>The database until <see cref="Broken"/>; then a database file that cannot be opened.</summary>
    private sealed class BreakableDatabase(DbContextOptions<AppDbContext> options) : IDbContextFactory<AppDbContext>
    {
        private static readonly DbContextOptions<AppDbContext> Unopenable = new DbContextOptionsBuilder<AppDbContext>()
            .UseSqlite("Data Source=/proc/no-such-folder/alpaca-connect.db;Mode=ReadWrite").Options;

        public bool Broken { get; set; }

        public AppDbContext CreateDbContext() => new(Broken ? Unopenable : options);
    }

    /// <summary>Alpaca's Trading API host as the probe sees it: unreachable until told to answer.</summary>
    private sealed class ProbedAlpaca : HttpMessageHandler
    {
        private readonly List<(string Url, bool HadAuthorization)> _requests = [];

        public HttpStatusCode? Answer { get; set; }

        public int Calls => _requests.Count;

        public IReadOnlyList<(string Url, bool HadAuthorization)> Requests => _requests;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            _requests.Add((request.RequestUri!.ToString(), request.Headers.Authorization is not null));
            return Answer is { } status
                ? Task.FromResult(new HttpResponseMessage(status))
                : throw new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused");
        }
    }
}
