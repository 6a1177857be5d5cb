using System.Text.Json;
using AlpacaConnect.Gql.Guardrails;
using AlpacaConnect.Gql.Persistence;
using AlpacaConnect.Sandbox.Faults;
using AlpacaConnect.Gql.Tests.Orders;
using AlpacaConnect.Gql.Tests.Sandbox;
using AlpacaConnect.Gql.Tests.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace AlpacaConnect.Gql.Tests.ScaleOut;

/// <summary>
/// What placeOrder guarantees within one server holds across instances on one PostgreSQL database: one order per
/// idempotency key, and daily caps that count every instance's orders.
/// </summary>
public sealed class OrdersAcrossInstancesTests : IDisposable
{
    private readonly TwoInstances _cluster = new(host => host
        .WithSetting("Guardrails:MaxOrdersPerDay", "1")
        .WithServices(services => services.ConfigureDbContext<AppDbContext>(db => db.AddInterceptors(new SlowDailyCount()))));

    [ScaleOutFact]
    public async Task TheSameKeySentToBothInstancesAtOncePlacesOneOrder()
    {
        await _cluster.Driver(1).ConnectAsync("app-alice");
        // Alpaca takes its time to answer, so the second request arrives while the first order is on its way.
        _cluster.Upstream.Control.AddFault(new FaultRule { Route = "POST /v2/orders", Kind = FaultKind.Latency, Latency = TimeSpan.FromMilliseconds(500), Count = null });

        var payloads = await Task.WhenAll(PlaceAsync(1, "same-key"), PlaceAsync(2, "same-key"));

        Assert.All(payloads, p => Assert.Empty(OrderDriver.Codes(p)));
        Assert.Equal(Id(payloads[0]), Id(payloads[1]));
        Assert.Equal(1, _cluster.OrderPosts);
        Assert.Single(await SandboxOrdersAsync());
    }

    [ScaleOutFact]
    public async Task ADailyOrderCapCountsTheOrdersOfBothInstances()
    {
        await _cluster.Driver(1).ConnectAsync("app-alice");

        var payloads = await Task.WhenAll(PlaceAsync(1, "first-today"), PlaceAsync(2, "second-today"));

        var placed = Assert.Single(payloads, p => OrderDriver.Codes(p).Count == 0);
        var refused = Assert.Single(payloads, p => OrderDriver.Codes(p).Count > 0);
        Assert.Equal(GuardrailRules.MaxOrdersPerDay, OrderDriver.Error(refused).GetProperty("rule").GetString());
        Assert.Equal(JsonValueKind.Null, OrderDriver.Order(refused).ValueKind);
        Assert.Equal(JsonValueKind.Object, OrderDriver.Order(placed).ValueKind);
        Assert.Equal(1, _cluster.OrderPosts);
    }

    public void Dispose() => _cluster.Dispose();

    private static string Id(JsonElement payload) => OrderDriver.Order(payload).GetProperty("id").GetString()!;

    private async Task<JsonElement> PlaceAsync(int instance, string key)
    {
        var response = await _cluster.Driver(instance).GraphQLAsync("app-alice", OrderDriver.PlaceOrder, new { input = OrderDriver.MarketBuy(key) });
        Assert.True(response.Errors.Count == 0, response.Raw);
        return response.Data.GetProperty("placeOrder");
    }

    private async Task<IReadOnlyList<JsonElement>> SandboxOrdersAsync()
    {
        using var trading = _cluster.Upstream.Trading(AlpacaConnect.Sandbox.SandboxEnvironment.Paper, _cluster.Upstream.Token(user: "alice"));
        using var response = await trading.GetAsync("v2/orders?status=all&limit=500");
        return (await response.JsonAsync()).EnumerateArray().ToList();
    }
}
