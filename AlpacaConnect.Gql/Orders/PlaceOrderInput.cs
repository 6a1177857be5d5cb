using AlpacaConnect.Gql.Trading;

namespace AlpacaConnect.Gql.Orders;

/// <summary>What the app asks for. Server-owned fields (status, fills, client order id) cannot be set here.</summary>
internal sealed record PlaceOrderInput
{
    public string IdempotencyKey { get; init; } = "";
    public string Symbol { get; init; } = "";
    public OrderSide Side { get; init; }
    public OrderType Type { get; init; }
    public TimeInForce TimeInForce { get; init; }
    public decimal? Qty { get; init; }
    public decimal? Notional { get; init; }
    public decimal? LimitPrice { get; init; }
    public decimal? StopPrice { get; init; }
    public decimal? TrailPrice { get; init; }
    public decimal? TrailPercent { get; init; }
    public bool ExtendedHours { get; init; }
    public OrderClass OrderClass { get; init; } = OrderClass.Simple;
    public TakeProfitInput? TakeProfit { get; init; }
    public StopLossInput? StopLoss { get; init; }

    /// <summary>Symbols as Alpaca lists them (upper case); Alpaca matches case-sensitively.</summary>
    public string NormalizedSymbol => Symbol.Trim().ToUpperInvariant();
}

internal sealed record TakeProfitInput
{
    public decimal LimitPrice { get; init; }
}

internal sealed record StopLossInput
{
    public decimal StopPrice { get; init; }
    public decimal? LimitPrice { get; init; }
}
