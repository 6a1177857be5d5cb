namespace AlpacaConnect.Gql.Alpaca.Models;

/// <summary>An order as Alpaca reports it (facts 2.3).</summary>
internal sealed record AlpacaOrder
{
    public required Guid Id { get; init; }
    public required string ClientOrderId { get; init; }
    public required string Symbol { get; init; }
    public Guid? AssetId { get; init; }
    public string? AssetClass { get; init; }
    public required AlpacaOrderStatus Status { get; init; }
    public AlpacaOrderType Type { get; init; }
    public AlpacaOrderSide Side { get; init; }
    public AlpacaTimeInForce TimeInForce { get; init; }
    public AlpacaOrderClass OrderClass { get; init; }
    public decimal? Qty { get; init; }
    public decimal? Notional { get; init; }
    public decimal FilledQty { get; init; }
    public decimal? FilledAvgPrice { get; init; }
    public decimal? LimitPrice { get; init; }
    public decimal? StopPrice { get; init; }
    public decimal? TrailPrice { get; init; }
    public decimal? TrailPercent { get; init; }
    public decimal? HighWaterMark { get; init; }
    public bool ExtendedHours { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? UpdatedAt { get; init; }
    public DateTimeOffset? SubmittedAt { get; init; }
    public DateTimeOffset? FilledAt { get; init; }
    public DateTimeOffset? ExpiredAt { get; init; }
    public DateTimeOffset? CanceledAt { get; init; }
    public DateTimeOffset? FailedAt { get; init; }
    public DateTimeOffset? ReplacedAt { get; init; }
    public Guid? ReplacedBy { get; init; }
    public Guid? Replaces { get; init; }

    /// <summary>Child orders of bracket/OCO/OTO orders, listed only when asked with <c>nested</c>.</summary>
    public IReadOnlyList<AlpacaOrder> Legs { get; init; } = [];
}
