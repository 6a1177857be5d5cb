namespace AlpacaConnect.Gql.Alpaca.Models;

/// <summary>An open position (facts 2.9). <c>*Plpc</c> and <see cref="ChangeToday"/> are fractions (0.2 = 20%).</summary>
internal sealed record AlpacaPosition
{
    public required string Symbol { get; init; }
    public Guid? AssetId { get; init; }
    public string? Exchange { get; init; }
    public string? AssetClass { get; init; }
    public required AlpacaPositionSide Side { get; init; }
    public required decimal Qty { get; init; }

    /// <summary>Quantity not held for open orders.</summary>
    public decimal? QtyAvailable { get; init; }
    public decimal AvgEntryPrice { get; init; }
    public decimal? MarketValue { get; init; }
    public decimal? CostBasis { get; init; }
    public decimal? UnrealizedPl { get; init; }
    public decimal? UnrealizedPlpc { get; init; }
    public decimal? UnrealizedIntradayPl { get; init; }
    public decimal? UnrealizedIntradayPlpc { get; init; }
    public decimal? CurrentPrice { get; init; }
    public decimal? LastdayPrice { get; init; }
    public decimal? ChangeToday { get; init; }
}
