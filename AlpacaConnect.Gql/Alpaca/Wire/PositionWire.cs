namespace AlpacaConnect.Gql.Alpaca.Wire;

/// <summary>The Position object as sent (facts 2.9).</summary>
internal sealed class PositionWire
{
    public required string Symbol { get; set; }
    public required decimal Qty { get; set; }
    public Guid? AssetId { get; set; }
    public string? Exchange { get; set; }
    public string? AssetClass { get; set; }
    public string? Side { get; set; }
    public decimal? QtyAvailable { get; set; }
    public decimal? AvgEntryPrice { get; set; }
    public decimal? MarketValue { get; set; }
    public decimal? CostBasis { get; set; }
    public decimal? UnrealizedPl { get; set; }
    public decimal? UnrealizedPlpc { get; set; }
    public decimal? UnrealizedIntradayPl { get; set; }
    public decimal? UnrealizedIntradayPlpc { get; set; }
    public decimal? CurrentPrice { get; set; }
    public decimal? LastdayPrice { get; set; }
    public decimal? ChangeToday { get; set; }
}
