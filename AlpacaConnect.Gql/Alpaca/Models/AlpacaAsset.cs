namespace AlpacaConnect.Gql.Alpaca.Models;

/// <summary>
/// <c>GET /v2/assets/{symbol}</c> (facts 2.11, facts-more 3.3). Not tradable means data only. The class stays a string
/// so a class Alpaca adds (<c>crypto_perp</c> was seen in the wild, <c>ipo</c> is in the spec) still reads.
/// </summary>
internal sealed record AlpacaAsset
{
    public required Guid Id { get; init; }
    public required string Symbol { get; init; }
    public string? Name { get; init; }

    /// <summary>Alpaca's <c>class</c>: <c>us_equity</c>, <c>us_option</c>, <c>crypto</c>, or any other word as sent.</summary>
    public string? AssetClass { get; init; }
    public string? Exchange { get; init; }

    /// <summary>US equities only.</summary>
    public string? Cusip { get; init; }
    public AlpacaAssetStatus Status { get; init; }
    public bool Tradable { get; init; }
    public bool Marginable { get; init; }
    public bool Shortable { get; init; }
    public bool EasyToBorrow { get; init; }

    /// <summary><c>easy_to_borrow</c> or <c>hard_to_borrow</c>; replaces the deprecated <see cref="EasyToBorrow"/> (facts-more 0.3).</summary>
    public string? BorrowStatus { get; init; }
    public bool Fractionable { get; init; }

    /// <summary>Deprecated in favour of the long and short requirements (facts-more 0.3).</summary>
    public decimal? MaintenanceMarginRequirement { get; init; }

    /// <summary>A percentage; whether Alpaca writes <c>30</c> or <c>0.3</c> is UNVERIFIED, so it is passed on as sent.</summary>
    public decimal? MarginRequirementLong { get; init; }

    /// <inheritdoc cref="MarginRequirementLong"/>
    public decimal? MarginRequirementShort { get; init; }

    /// <summary>Crypto only: the smallest quantity an order may have.</summary>
    public decimal? MinOrderSize { get; init; }
    /// <summary>Crypto only: quantities are whole multiples of it.</summary>
    public decimal? MinTradeIncrement { get; init; }

    /// <summary>Crypto only: prices are whole multiples of it.</summary>
    public decimal? PriceIncrement { get; init; }
    public IReadOnlyList<string> Attributes { get; init; } = [];
}
