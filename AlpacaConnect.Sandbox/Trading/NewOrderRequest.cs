namespace AlpacaConnect.Sandbox.Trading;

/// <summary>The body of <c>POST /v2/orders</c> after parsing (decimals accepted as strings or numbers).</summary>
internal sealed record NewOrderRequest
{
    public string? Symbol { get; init; }
    public decimal? Qty { get; init; }
    public decimal? Notional { get; init; }
    public string? Side { get; init; }
    public string? Type { get; init; }
    public string? TimeInForce { get; init; }
    public decimal? LimitPrice { get; init; }
    public decimal? StopPrice { get; init; }
    public decimal? TrailPrice { get; init; }
    public decimal? TrailPercent { get; init; }
    public bool ExtendedHours { get; init; }
    public string? ClientOrderId { get; init; }
    public string OrderClass { get; init; } = "";
    public decimal? TakeProfitLimitPrice { get; init; }
    public decimal? StopLossStopPrice { get; init; }
    public decimal? StopLossLimitPrice { get; init; }
    public string? PositionIntent { get; init; }

    public bool HasTakeProfit => TakeProfitLimitPrice is not null;

    public bool HasStopLoss => StopLossStopPrice is not null;

    /// <summary>Fractional shares or a dollar amount: both are "fractional" for Alpaca's rules.</summary>
    public bool IsFractional => Notional is not null || (Qty is { } qty && qty != decimal.Truncate(qty));
}
