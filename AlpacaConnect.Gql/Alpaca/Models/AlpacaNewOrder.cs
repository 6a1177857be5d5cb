namespace AlpacaConnect.Gql.Alpaca.Models;

/// <summary>
/// <c>POST /v2/orders</c> (facts 2.2). <see cref="ClientOrderId"/> is required here although Alpaca would make one:
/// it is what lets an ambiguous submission be looked up instead of posted twice. Alpaca rejects a reused id forever.
/// </summary>
internal sealed record AlpacaNewOrder
{
    public required string ClientOrderId { get; init; }
    public required string Symbol { get; init; }
    public required AlpacaOrderSide Side { get; init; }
    public required AlpacaOrderType Type { get; init; }
    public required AlpacaTimeInForce TimeInForce { get; init; }

    /// <summary>Shares; exclusive with <see cref="Notional"/>.</summary>
    public decimal? Qty { get; init; }

    /// <summary>Dollar amount; exclusive with <see cref="Qty"/>.</summary>
    public decimal? Notional { get; init; }
    public decimal? LimitPrice { get; init; }
    public decimal? StopPrice { get; init; }
    public decimal? TrailPrice { get; init; }
    public decimal? TrailPercent { get; init; }
    public bool ExtendedHours { get; init; }

    /// <summary>Null sends no class (Alpaca's simple order).</summary>
    public AlpacaOrderClass? OrderClass { get; init; }
    public AlpacaTakeProfit? TakeProfit { get; init; }
    public AlpacaStopLoss? StopLoss { get; init; }
}

/// <summary>Take-profit leg of a bracket/OCO/OTO order.</summary>
internal sealed record AlpacaTakeProfit(decimal LimitPrice);

/// <summary>Stop-loss leg; a limit price makes it a stop-limit.</summary>
internal sealed record AlpacaStopLoss(decimal StopPrice, decimal? LimitPrice = null);
