using System.Net;
using AlpacaConnect.Gql.Identity;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AlpacaConnect.Gql.Tests.TestHost;

/// <summary>
/// The real server in-process: real SQLite (a file per factory), real middleware, real schema.
/// Settings and services can be overridden per test class; <see cref="StartOnLoopback"/> serves it with Kestrel.
/// With <c>ALPACA_TEST_PROVIDER=Postgres</c> each factory gets a PostgreSQL database of its own instead (see
/// <see cref="ScaleOutServices"/>), so a suite can be run again on PostgreSQL as it is.
/// </summary>
public class ApiFactory : WebApplicationFactory<Program>
{
    /// <summary>Signs test users' JWTs; not a secret (tests only).</summary>
    public const string TestSigningKey = "test-signing-key-for-alpaca-connect-tests-only-0123456789";

    private readonly string _databasePath = Path.Combine(Path.GetTempPath(), $"alpaca-connect-test-{Guid.NewGuid():N}.db");
    private readonly Dictionary<string, string?> _settings = new()
    {
        ["Jwt:SigningKey"] = TestSigningKey,
        // The edge limits are sized for one app user; tests send one user's hundreds of orders and sockets at once,
        // all from 127.0.0.1. Tests of the limits set their own.
        ["GraphQL:RateLimits:PerUserBurst"] = "1000000",
        ["GraphQL:RateLimits:PerIpBurst"] = "1000000",
        ["GraphQL:WebSockets:MaxSocketsPerIp"] = "100000",
        ["GraphQL:WebSockets:MaxAnonymousSockets"] = "100000",
        // appsettings.Development.json points Expo at the fake of `dotnet run` on port 5080; a test host's devices must
        // not reach whatever listens there. Push tests configure their channels (PushHost).
        ["Notifications:Expo:Enabled"] = "false",
    };

    /// <summary>
    /// Outside Development the server has no default mode; test hosts run the sandbox there on purpose, as a staging
    /// server would. A test removes one with <c>WithSetting(key, null)</c>.
    /// </summary>
    private static readonly Dictionary<string, string?> OutsideDevelopment = new()
    {
        ["Alpaca:Mode"] = "Sandbox",
        ["Sandbox:AllowOutsideDevelopment"] = "true",
    };

    private readonly Dictionary<string, string> _hostSettings = [];
    private readonly List<Action<IServiceCollection>> _serviceOverrides = [];
    private readonly PostgresDatabase? _postgres = ScaleOutServices.EveryHostOnPostgres ? new PostgresDatabase() : null;

    public ApiFactory()
    {
        _settings["Persistence:ConnectionString"] = $"Data Source={_databasePath}";
        if (_postgres is not null)
        {
            WithPostgres(_postgres);
        }
    }

    /// <summary>Development by default, like <c>dotnet run</c>.</summary>
    public string EnvironmentName { get; init; } = Environments.Development;

    /// <summary>
    /// Outside Development, what encrypts the key ring (the server refuses to start without one); null for none. The
    /// server reads it while registering services, so it is passed as host settings, which are known that early.
    /// </summary>
    public TestCertificate? KeyRingCertificate { get; init; } = TestCertificate.Shared;

    public ApiFactory WithSetting(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    /// <summary>Stores data in <paramref name="database"/> (which the caller disposes) instead of SQLite.</summary>
    public ApiFactory WithPostgres(PostgresDatabase database) =>
        WithSetting("Persistence:Provider", "Postgres").WithSetting("Persistence:ConnectionString", database.ConnectionString);

    /// <summary>Carries events over the test Redis; hosts with the same <paramref name="channelPrefix"/> hear each other.</summary>
    public ApiFactory WithRedisEventBus(string channelPrefix) =>
        WithSetting("Streaming:EventBus", "Redis")
            .WithSetting("Streaming:Redis:ConnectionString", ScaleOutServices.RequireRedis())
            .WithSetting("Streaming:Redis:ChannelPrefix", channelPrefix);

    /// <summary>A setting the server must see while it registers services (the key ring's certificate).</summary>
    public ApiFactory WithHostSetting(string key, string value)
    {
        _hostSettings[key] = value;
        return this;
    }

    public ApiFactory WithServices(Action<IServiceCollection> configure)
    {
        _serviceOverrides.Add(configure);
        return this;
    }

    /// <summary>An app-user JWT for <paramref name="userId"/>, issued with the server's own issuer.</summary>
    public string TokenFor(string userId) =>
        Services.GetRequiredService<DevTokenIssuer>().Issue(userId).AccessToken;

    public HttpClient CreateClientFor(string userId)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", TokenFor(userId));
        return client;
    }

    /// <summary>Serves the app with Kestrel on a random loopback port, for out-of-process clients.</summary>
    public Uri StartOnLoopback(int port = 0)
    {
        UseKestrel(options => options.Listen(IPAddress.Loopback, port));
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>();
        return new Uri(addresses.Addresses.First());
    }

    /// <summary>A loopback port free right now, for a server that must know its own address before it starts.</summary>
    public static int FreeLoopbackPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(EnvironmentName);
        var settings = new Dictionary<string, string?>(_settings);
        if (EnvironmentName != Environments.Development)
        {
            foreach (var (key, value) in OutsideDevelopment)
            {
                settings.TryAdd(key, value);
            }

            foreach (var (key, value) in KeyRingCertificate?.Settings ?? new Dictionary<string, string>())
            {
                builder.UseSetting(key, value);
            }
        }

        foreach (var (key, value) in _hostSettings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(settings));
        builder.ConfigureServices(services => _serviceOverrides.ForEach(configure => configure(services)));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        _postgres?.Dispose();
        foreach (var suffix in new[] { "", "-shm", "-wal" })
        {
            File.Delete(_databasePath + suffix);
        }
    }
}
