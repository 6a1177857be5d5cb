namespace AlpacaConnect.Gql.Alpaca.Models;

/// <summary><c>GET /v2/assets/{symbol}</c> (facts 2.11). Not tradable means data only.</summary>
public sealed record AlpacaAsset
{
    public required Guid Id { get; init; }
    public required string Symbol { get; init; }
    public string? Name { get; init; }

    /// <summary>Alpaca's <c>class</c>, e.g. <c>us_equity</c>.</summary>
    public string? AssetClass { get; init; }
    public string? Exchange { get; init; }
    public AlpacaAssetStatus Status { get; init; }
    public bool Tradable { get; init; }
    public bool Marginable { get; init; }
    public bool Shortable { get; init; }
    public bool EasyToBorrow { get; init; }
    public bool Fractionable { get; init; }
    public decimal? MinOrderSize { get; init; }
    public decimal? MinTradeIncrement { get; init; }
    public decimal? PriceIncrement { get; init; }
    public IReadOnlyList<string> Attributes { get; init; } = [];
}
