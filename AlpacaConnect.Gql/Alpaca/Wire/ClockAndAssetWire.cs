namespace AlpacaConnect.Gql.Alpaca.Wire;

/// <summary><c>GET /v2/clock</c> as sent (facts 2.10).</summary>
internal sealed class ClockWire
{
    public required DateTimeOffset Timestamp { get; set; }
    public required bool IsOpen { get; set; }
    public required DateTimeOffset NextOpen { get; set; }
    public required DateTimeOffset NextClose { get; set; }
}

/// <summary>
/// <c>GET /v2/assets/{symbol}</c> as sent (facts 2.11, facts-more 3.3); the asset class is named <c>class</c>. Every
/// decimal reads from a string or a number: <c>maintenance_margin_requirement</c> is a number while the newer margin
/// fields and the crypto sizes are strings.
/// </summary>
internal sealed class AssetWire
{
    public required Guid Id { get; set; }
    public required string Symbol { get; set; }
    public string? Name { get; set; }
    public string? Class { get; set; }
    public string? Exchange { get; set; }
    public string? Cusip { get; set; }
    public string? Status { get; set; }
    public bool? Tradable { get; set; }
    public bool? Marginable { get; set; }
    public bool? Shortable { get; set; }
    public bool? EasyToBorrow { get; set; }
    public string? BorrowStatus { get; set; }
    public bool? Fractionable { get; set; }
    public decimal? MaintenanceMarginRequirement { get; set; }
    public decimal? MarginRequirementLong { get; set; }
    public decimal? MarginRequirementShort { get; set; }
    public decimal? MinOrderSize { get; set; }
    public decimal? MinTradeIncrement { get; set; }
    public decimal? PriceIncrement { get; set; }
    public List<string>? Attributes { get; set; }
}
