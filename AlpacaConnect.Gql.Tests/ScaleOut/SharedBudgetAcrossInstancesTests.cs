using AlpacaConnect.Gql.Alpaca;
using AlpacaConnect.Gql.Tests.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AlpacaConnect.Gql.Tests.ScaleOut;

/// <summary>
/// Two instances on Redis spend one account's Alpaca budget and refresh its token once between them: an app hammering
/// both never earns the account a 429 from Alpaca.
/// </summary>
public sealed class SharedBudgetAcrossInstancesTests
{
    [ScaleOutFact]
    public async Task AReadStormOnBothInstancesStaysUnderAlpacasLimitForTheAccountWithNo429()
    {
        // No read cache: every positions query is a call to Alpaca. Calls beyond the budget fail at once.
        using var cluster = new TwoInstances(host => host
            .WithSetting("Trading:Cache:PositionsTtl", "00:00:00")
            .WithSetting("Alpaca:RateLimit:MaxQueueWait", "00:00:00"));
        await cluster.Driver(1).ConnectAsync("app-alice");
        var token = cluster.Upstream.Control.Requests.Last(r => r.Path.EndsWith("/v2/account", StringComparison.Ordinal)).TokenFingerprint;

        // 150 reads on each instance, one after another (concurrent ones would share a flight): each instance alone may
        // send 190 a minute (Alpaca allows 200), so together they could send 300.
        var storm = (await Task.WhenAll(Enumerable.Range(1, 2).Select(async instance =>
        {
            var driver = cluster.Driver(instance);
            var answers = new List<GraphQLResponse>();
            for (var i = 0; i < 150; i++)
            {
                answers.Add(await driver.GraphQLAsync("app-alice", "{ positions { symbol qty } }"));
            }

            return answers;
        }))).SelectMany(a => a).ToList();

        var sent = cluster.Upstream.Control.Requests.Where(r => r.TokenFingerprint == token).ToList();
        Assert.InRange(sent.Count, 150, 199);
        Assert.DoesNotContain(sent, r => r.Status == 429);
        var refused = storm.Count(r => r.ErrorCodes.Contains("RATE_LIMITED"));
        var answered = storm.Count(r => r.ErrorCodes.Count == 0);
        Assert.Equal(300, refused + answered);
        Assert.InRange(answered, 100, 199);
    }

    [ScaleOutFact]
    public async Task AnExpiringTokenIsRefreshedOnceAcrossBothInstances()
    {
        var time = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        using var cluster = new TwoInstances(
            host => host.WithServices(services => services.AddSingleton<TimeProvider>(time)),
            upstream => upstream.WithSetting("Sandbox:Tokens:ExpiresIn", "01:00:00"));
        var completed = await cluster.Driver(1).ConnectAsync("app-alice");
        var id = Guid.Parse(completed.Data.GetProperty("completeAlpacaConnection").GetProperty("connection").GetProperty("id").GetString()!);
        var clients = Enumerable.Range(1, 2).Select(i => cluster.Host(i).Services.GetRequiredService<IAlpacaClientFactory>()
            .ForConnection(new AlpacaConnectionRef(id, AlpacaEnvironment.Paper))).ToList();
        var refreshes = () => cluster.Upstream.Control.Requests.Count(r => r.Path.EndsWith("/oauth/token", StringComparison.Ordinal));
        var before = refreshes();
        time.Advance(TimeSpan.FromMinutes(59));

        var accounts = await Task.WhenAll(Enumerable.Range(0, 100).Select(i => clients[i % 2].GetAccountAsync()));

        Assert.Equal(1, refreshes() - before);
        Assert.All(accounts, a => Assert.Equal("PA3ALICE0001", a.AccountNumber));
    }
}
