using System.Text.Json;
using AlpacaConnect.Gql.Tests.Orders;
using AlpacaConnect.Gql.Tests.Sandbox;
using AlpacaConnect.Gql.Tests.TestHost;

namespace AlpacaConnect.Gql.Tests.ScaleOut;

/// <summary>
/// Issue 13, done-when 2 on PostgreSQL: 200 concurrent <c>placeOrder</c> calls by one user, split across two server
/// instances on one database and one sandbox, place exactly the daily cap (see <see cref="DailyCapConcurrencyTests"/>).
/// </summary>
public sealed class DailyCapAcrossInstancesTests : IDisposable
{
    private readonly TwoInstances _cluster = new(
        host =>
        {
            foreach (var (key, value) in DailyCapBurst.Settings)
            {
                host.WithSetting(key, value);
            }
        },
        upstream => upstream.WithSetting("Sandbox:RateLimit:RequestsPerMinute", "100000"));

    public void Dispose() => _cluster.Dispose();

    [ScaleOutFact]
    public async Task TwoHundredConcurrentOrdersAcrossTwoInstancesUnderADailyCapOfTwentyPlaceExactlyTwenty()
    {
        await _cluster.Driver(1).ConnectAsync("app-alice");
        var drivers = new[] { _cluster.Driver(1), _cluster.Driver(2) };

        var payloads = await Task.WhenAll(Enumerable.Range(0, DailyCapBurst.Calls).Select(async i =>
        {
            var response = await drivers[i % 2].GraphQLAsync("app-alice", OrderDriver.PlaceOrder, new { input = DailyCapBurst.RestingBuy(i) });
            Assert.True(response.Errors.Count == 0, response.Raw);
            return response.Data.GetProperty("placeOrder");
        }));

        DailyCapBurst.AssertExactlyTheCapPlaced(payloads);
        Assert.Equal(DailyCapBurst.Cap, _cluster.OrderPosts);
        Assert.Equal(DailyCapBurst.Cap, (await SandboxOrdersAsync()).Count);
    }

    private async Task<IReadOnlyList<JsonElement>> SandboxOrdersAsync()
    {
        using var trading = _cluster.Upstream.Trading(AlpacaConnect.Sandbox.SandboxEnvironment.Paper, _cluster.Upstream.Token(user: "alice"));
        using var response = await trading.GetAsync("v2/orders?status=all&limit=500");
        return (await response.JsonAsync()).EnumerateArray().ToList();
    }
}
