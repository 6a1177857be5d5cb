namespace AlpacaConnect.Gql.Alpaca.Wire;

/// <summary><c>POST /v2/orders</c> body (facts 2.2); decimals go out as strings.</summary>
internal sealed class NewOrderWire
{
    public required string Symbol { get; set; }
    public required string Side { get; set; }
    public required string Type { get; set; }
    public required string TimeInForce { get; set; }
    public required string ClientOrderId { get; set; }
    public decimal? Qty { get; set; }
    public decimal? Notional { get; set; }
    public decimal? LimitPrice { get; set; }
    public decimal? StopPrice { get; set; }
    public decimal? TrailPrice { get; set; }
    public decimal? TrailPercent { get; set; }
    public bool ExtendedHours { get; set; }
    public string? OrderClass { get; set; }
    public TakeProfitWire? TakeProfit { get; set; }
    public StopLossWire? StopLoss { get; set; }
}

internal sealed class TakeProfitWire
{
    public decimal LimitPrice { get; set; }
}

internal sealed class StopLossWire
{
    public decimal StopPrice { get; set; }
    public decimal? LimitPrice { get; set; }
}

/// <summary><c>PATCH /v2/orders/{id}</c> body (facts 2.7).</summary>
internal sealed class ReplaceOrderWire
{
    public decimal? Qty { get; set; }
    public string? TimeInForce { get; set; }
    public decimal? LimitPrice { get; set; }
    public decimal? StopPrice { get; set; }
    public decimal? Trail { get; set; }
    public string? ClientOrderId { get; set; }
}
