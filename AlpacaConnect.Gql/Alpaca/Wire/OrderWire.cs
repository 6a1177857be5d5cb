namespace AlpacaConnect.Gql.Alpaca.Wire;

/// <summary>The Order object as sent (facts 2.3).</summary>
internal sealed class OrderWire
{
    public required Guid Id { get; set; }
    public required string ClientOrderId { get; set; }
    public required string Symbol { get; set; }
    public required string? Status { get; set; }
    public Guid? AssetId { get; set; }
    public string? AssetClass { get; set; }
    public string? Type { get; set; }
    public string? Side { get; set; }
    public string? TimeInForce { get; set; }
    public string? OrderClass { get; set; }
    public decimal? Qty { get; set; }
    public decimal? Notional { get; set; }
    public decimal? FilledQty { get; set; }
    public decimal? FilledAvgPrice { get; set; }
    public decimal? LimitPrice { get; set; }
    public decimal? StopPrice { get; set; }
    public decimal? TrailPrice { get; set; }
    public decimal? TrailPercent { get; set; }
    public decimal? Hwm { get; set; }
    public bool? ExtendedHours { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }
    public DateTimeOffset? FilledAt { get; set; }
    public DateTimeOffset? ExpiredAt { get; set; }
    public DateTimeOffset? CanceledAt { get; set; }
    public DateTimeOffset? FailedAt { get; set; }
    public DateTimeOffset? ReplacedAt { get; set; }
    public Guid? ReplacedBy { get; set; }
    public Guid? Replaces { get; set; }
    public List<OrderWire>? Legs { get; set; }
}
