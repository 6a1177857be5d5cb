namespace AlpacaConnect.Bench.Scenarios;

/// <summary>The GraphQL operations the bench sends, and the order it places everywhere: one share of the sandbox's sub-$1 stock.</summary>
public static class Operations
{
    /// <summary>PNNY trades near $0.41, so thousands of market buys fit in a seeded account's cash.</summary>
    public const string Symbol = "PNNY";

    public const decimal SymbolPrice = 0.4125m;

    public const string Typename = "{ __typename }";

    public const string Positions = "{ positions { symbol qty marketValue } }";

    public const string Orders = "{ orders(first: 50, status: ALL) { edges { node { id symbol status qty filledQty } } } }";

    public const string PlaceOrder =
        "mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { order { id clientOrderId status } errors { ... on Error { code } } } }";

    public const string OrderUpdated =
        "subscription($orderId: ID) { orderUpdated(orderId: $orderId) { event occurredAt order { id status filledQty } } }";

    /// <summary>As <see cref="OrderUpdated"/>, resumable: <c>after</c> is the id of the last update received.</summary>
    public const string OrderUpdatedAfter =
        "subscription($orderId: ID, $after: ID) { orderUpdated(orderId: $orderId, after: $after) { id event occurredAt order { id status filledQty } } }";

    public const string ConnectionChanged = "subscription { alpacaConnectionChanged { status } }";

    public const string SubscriptionFields = "{ __type(name: \"Subscription\") { fields { name } } }";

    public static object MarketBuy(string idempotencyKey, string symbol = Symbol) => new
    {
        input = new { idempotencyKey, symbol, side = "BUY", type = "MARKET", timeInForce = "DAY", qty = "1" },
    };

    public static object LimitBuy(string idempotencyKey, decimal limitPrice) => new
    {
        input = new { idempotencyKey, symbol = Symbol, side = "BUY", type = "LIMIT", timeInForce = "DAY", qty = "1", limitPrice = limitPrice.ToString(System.Globalization.CultureInfo.InvariantCulture) },
    };

    /// <summary>The same order as <see cref="MarketBuy"/> in Alpaca's wire format, for the direct calls.</summary>
    public static object WireMarketBuy(string clientOrderId) => new
    {
        symbol = Symbol, qty = "1", side = "buy", type = "market", time_in_force = "day", client_order_id = clientOrderId,
    };

    public static string NewKey(string prefix) => $"{prefix}-{Guid.NewGuid():N}";
}
