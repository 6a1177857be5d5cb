using System.Text.Json;
using AlpacaConnect.Sandbox;
using AlpacaConnect.Gql.Tests.Connections;
using AlpacaConnect.Gql.Tests.Sandbox;
using AlpacaConnect.Gql.Tests.TestHost;

namespace AlpacaConnect.Gql.Tests.Orders;

/// <summary>
/// The server and its sandbox on loopback, with app users connected to sandbox accounts, placing orders through
/// GraphQL. Upstream retries of reads are made near-instant so fault tests stay quick.
/// </summary>
public sealed class OrderDriver : IDisposable
{
    public const string PlaceOrder = """
        mutation($input: PlaceOrderInput!) {
          placeOrder(input: $input) {
            order { id clientOrderId alpacaOrderId idempotencyKey symbol side type timeInForce orderClass status qty notional limitPrice filledQty createdAt }
            errors {
              __typename
              ... on Error { code message }
              ... on GuardrailViolationError { rule limit actual }
              ... on OrderInvalidError { field upstreamCode }
              ... on AlpacaRejectedError { upstreamCode }
              ... on InsufficientBuyingPowerError { upstreamCode }
              ... on RateLimitedError { retryAfter }
              ... on OrderStateUnknownError { orderId }
            }
          }
        }
        """;

    private readonly ConnectDriver _connect;

    public OrderDriver(Action<SandboxHost>? configure = null)
    {
        Host.WithSetting("Connections:AllowedReturnTo:0", ConnectDriver.ReturnTo);
        Host.WithSetting("Alpaca:Resilience:RetryBaseDelay", "00:00:00.001");
        configure?.Invoke(Host);
        _connect = new ConnectDriver(Host);
    }

    public SandboxHost Host { get; } = new();

    public Task ConnectAsync(string user = "app-alice", string sandboxUser = "alice", string environment = "PAPER") =>
        _connect.ConnectAsync(user, sandboxUser, environment);

    public Task<GraphQLResponse> GraphQLAsync(string user, string query, object? variables = null) => _connect.GraphQLAsync(user, query, variables);

    /// <summary>Places an order; returns <c>placeOrder</c>'s payload, asserting there was no top-level error.</summary>
    public async Task<JsonElement> PlaceAsync(object input, string user = "app-alice")
    {
        var response = await GraphQLAsync(user, PlaceOrder, new { input });
        Assert.True(response.Errors.Count == 0, response.Raw);
        return response.Data.GetProperty("placeOrder");
    }

    public static object MarketBuy(string key, string qty = "1", string symbol = "AAPL") =>
        new { idempotencyKey = key, symbol, side = "BUY", type = "MARKET", timeInForce = "DAY", qty };

    public static object LimitBuy(string key, string qty, string limitPrice, string symbol = "AAPL") =>
        new { idempotencyKey = key, symbol, side = "BUY", type = "LIMIT", timeInForce = "DAY", qty, limitPrice };

    /// <summary>How many orders the server sent to the sandbox.</summary>
    public int OrderPosts => Host.Control.Requests.Count(r => r.Route == "POST /v2/orders");

    /// <summary>Every order the sandbox holds for a sandbox user, read straight from the sandbox.</summary>
    public async Task<IReadOnlyList<JsonElement>> SandboxOrdersAsync(string sandboxUser = "alice")
    {
        using var trading = Host.Trading(SandboxEnvironment.Paper, Host.Token(user: sandboxUser));
        using var response = await trading.GetAsync("v2/orders?status=all&limit=500");
        return (await response.JsonAsync()).EnumerateArray().ToList();
    }

    /// <summary>One order as the sandbox holds it, with its legs, by Alpaca's id.</summary>
    public async Task<JsonElement> SandboxOrderAsync(string alpacaOrderId, string sandboxUser = "alice")
    {
        using var trading = Host.Trading(SandboxEnvironment.Paper, Host.Token(user: sandboxUser));
        using var response = await trading.GetAsync($"v2/orders/{alpacaOrderId}?nested=true");
        Assert.True(response.IsSuccessStatusCode, response.ToString());
        return await response.JsonAsync();
    }

    /// <summary>The single error of a payload.</summary>
    public static JsonElement Error(JsonElement payload) => Assert.Single(payload.GetProperty("errors").EnumerateArray());

    public static IReadOnlyList<string> Codes(JsonElement payload) =>
        payload.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("code").GetString()!).ToList();

    public static JsonElement Order(JsonElement payload) => payload.GetProperty("order");

    public void Dispose()
    {
        _connect.Dispose();
        Host.Dispose();
    }
}
