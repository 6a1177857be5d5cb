using System.Text.Json;

namespace AlpacaConnect.Gql.Tests.Orders;

/// <summary>
/// 200 <c>placeOrder</c> calls by one user at once under a daily order cap of 20 (issue 13, done-when 2), shared by the
/// one-server and the two-instance tests. The rate limits and the execution timeout are raised: this is about the
/// cap, not about how fast 200 orders go through two cores.
/// </summary>
internal static class DailyCapBurst
{
    public const int Calls = 200;
    public const int Cap = 20;

    /// <summary>A resting limit buy below AAPL's ~190 (inside the 10 % collar), so nothing fills or runs short of cash.</summary>
    public static object RestingBuy(int i) => OrderDriver.LimitBuy($"burst-{i:D3}", qty: "1", limitPrice: "180");

    /// <summary>Settings both the one-server and the two-instance variant need.</summary>
    public static IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Guardrails:MaxOrdersPerDay"] = Cap.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Alpaca:RateLimit:PermitLimit"] = "100000",
        ["Sandbox:RateLimit:RequestsPerMinute"] = "100000",
        ["GraphQL:ExecutionTimeout"] = "00:10:00",
    };

    /// <summary>Exactly <see cref="Cap"/> payloads with an order and no error; every other one refused with MAX_ORDERS_PER_DAY and no order.</summary>
    public static void AssertExactlyTheCapPlaced(IReadOnlyList<JsonElement> payloads)
    {
        var placed = payloads.Where(p => OrderDriver.Codes(p).Count == 0 && OrderDriver.Order(p).ValueKind == JsonValueKind.Object).ToList();
        var refused = payloads.Where(p => OrderDriver.Codes(p).Count > 0).ToList();
        var rules = refused.GroupBy(p => OrderDriver.Error(p).TryGetProperty("rule", out var r) ? r.GetString() : OrderDriver.Codes(p)[0])
            .Select(g => $"{g.Key}×{g.Count()}");
        Assert.True(placed.Count == Cap, $"placed {placed.Count} of {Calls} under a cap of {Cap}; refusals: {string.Join(", ", rules)}");
        Assert.Equal(Calls - Cap, refused.Count);
        Assert.All(refused, p =>
        {
            Assert.Equal("MAX_ORDERS_PER_DAY", OrderDriver.Error(p).GetProperty("rule").GetString());
            Assert.Equal(JsonValueKind.Null, OrderDriver.Order(p).ValueKind);
        });
    }
}
