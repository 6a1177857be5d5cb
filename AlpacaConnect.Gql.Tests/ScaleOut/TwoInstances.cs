using AlpacaConnect.Gql.Events;
using AlpacaConnect.Gql.Tests.Connections;
using AlpacaConnect.Gql.Tests.Sandbox;
using AlpacaConnect.Gql.Tests.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace AlpacaConnect.Gql.Tests.ScaleOut;

/// <summary>
/// Two server instances as behind one load balancer: both on one PostgreSQL database and one Redis, both in Alpaca
/// mode against a sandbox in a third host (so neither instance owns the upstream), with the same OAuth client and
/// the same public callback URI (the first instance's address; a test may send the browser to either instance).
/// </summary>
internal sealed class TwoInstances : IDisposable
{
    private readonly List<ConnectDriver> _drivers = [];
    private readonly SubscriptionCounter[] _subscriptions = [new(), new()];

    /// <summary>Starts both instances at once, as a deployment does: they migrate the new database together.</summary>
    /// <param name="configure">Applied to each instance.</param>
    /// <param name="upstream">Applied to the sandbox before it starts.</param>
    /// <param name="configureAgainst">Applied to each instance with the sandbox, for settings that name its address.</param>
    public TwoInstances(Action<ApiFactory>? configure = null, Action<SandboxHost>? upstream = null, Action<ApiFactory, SandboxHost>? configureAgainst = null)
    {
        upstream?.Invoke(Upstream);
        var channelPrefix = $"test-{Guid.NewGuid():N}";
        var ports = new[] { ApiFactory.FreeLoopbackPort(), ApiFactory.FreeLoopbackPort() };
        var callback = $"http://127.0.0.1:{ports[0]}/auth/alpaca/callback";
        var hosts = _subscriptions.Select(counter =>
        {
            var host = counter.Install(Instance(callback, channelPrefix), services => services.GetRequiredService<RedisEventBus>());
            configure?.Invoke(host);
            configureAgainst?.Invoke(host, Upstream);
            return host;
        }).ToList();
        try
        {
            var addresses = Task.WhenAll(hosts.Select((host, i) => Task.Run(() => host.StartOnLoopback(ports[i])))).GetAwaiter().GetResult();
            Instances = hosts.Zip(addresses).ToList();
        }
        catch
        {
            hosts.ForEach(h => h.Dispose());
            Upstream.Dispose();
            Database.Dispose();
            throw;
        }
    }

    /// <summary>Alpaca, as both instances see it.</summary>
    public SandboxHost Upstream { get; } = new();

    public PostgresDatabase Database { get; } = new();

    public IReadOnlyList<(ApiFactory Host, Uri Address)> Instances { get; }

    public ApiFactory Host(int instance) => Instances[instance - 1].Host;

    public Uri Address(int instance) => Instances[instance - 1].Address;

    /// <summary>Subscriptions made to an instance's event bus (its read cache makes one at start-up).</summary>
    public SubscriptionCounter Subscriptions(int instance) => _subscriptions[instance - 1];

    /// <summary>The app (and the user's browser) talking to one instance.</summary>
    public ConnectDriver Driver(int instance)
    {
        var (host, address) = Instances[instance - 1];
        var driver = new ConnectDriver(host, () => address);
        _drivers.Add(driver);
        return driver;
    }

    /// <summary>The same URL on another instance: where a load balancer might send the request.</summary>
    public Uri On(int instance, Uri url) => new UriBuilder(url) { Port = Address(instance).Port }.Uri;

    /// <summary>How many orders the instances sent to Alpaca.</summary>
    public int OrderPosts => Upstream.Control.Requests.Count(r => r.Route == "POST /v2/orders");

    public void Dispose()
    {
        _drivers.ForEach(d => d.Dispose());
        foreach (var (host, _) in Instances)
        {
            host.Dispose();
        }

        Upstream.Dispose();
        Database.Dispose();
    }

    private ApiFactory Instance(string callback, string channelPrefix) => Upstream.AsUpstreamOf(
        new ApiFactory()
            .WithPostgres(Database)
            .WithRedisEventBus(channelPrefix)
            .WithSetting("Connections:AllowedReturnTo:0", ConnectDriver.ReturnTo)
            .WithSetting("Streaming:ReconnectInitialDelay", "00:00:00.020")
            .WithSetting("Streaming:ReconnectMaxDelay", "00:00:00.200")
            .WithSetting("Streaming:ReconcileMinInterval", "00:00:00.020")
            .WithSetting("Alpaca:Resilience:RetryBaseDelay", "00:00:00.001"),
        callback);
}
