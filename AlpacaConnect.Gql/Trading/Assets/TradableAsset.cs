namespace AlpacaConnect.Gql.Trading.Assets;

/// <summary>
/// What the pipeline needs to know of an order's asset (more-facts 3.3, 3.4). <see cref="Multiplier"/> is an option
/// contract's (null when Alpaca gives none: a non-standard contract, refused rather than valued with a guess).
/// </summary>
internal sealed record TradableAsset(
    string Symbol,
    AssetClass Class,
    bool Tradable,
    bool Fractionable,
    decimal? MinOrderSize = null,
    decimal? MinTradeIncrement = null,
    decimal? PriceIncrement = null,
    decimal? Multiplier = null)
{
    /// <summary>The cash one unit of quantity moves per unit of price.</summary>
    public decimal ValueMultiplier => Class == AssetClass.UsOption ? Multiplier ?? 0m : 1m;
}
