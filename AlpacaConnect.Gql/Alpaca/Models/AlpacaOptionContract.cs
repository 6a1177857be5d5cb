namespace AlpacaConnect.Gql.Alpaca.Models;

/// <summary>
/// <c>GET /v2/options/contracts/{symbol_or_id}</c> (facts-more 3.4). Premium cash is price × <see cref="Multiplier"/> ×
/// contracts; <see cref="Size"/> is the shares delivered and must not stand in for the multiplier (SPEC-2026).
/// </summary>
internal sealed record AlpacaOptionContract
{
    public required Guid Id { get; init; }

    /// <summary>OCC style, e.g. <c>AAPL270115C00200000</c>.</summary>
    public required string Symbol { get; init; }
    public string? Name { get; init; }
    public AlpacaAssetStatus Status { get; init; }
    public bool Tradable { get; init; }
    public DateOnly ExpirationDate { get; init; }
    public string? UnderlyingSymbol { get; init; }
    public Guid? UnderlyingAssetId { get; init; }
    public string? RootSymbol { get; init; }

    /// <summary><c>call</c> or <c>put</c>, as sent.</summary>
    public string? Type { get; init; }

    /// <summary><c>american</c> or <c>european</c>, as sent.</summary>
    public string? Style { get; init; }
    public decimal StrikePrice { get; init; }

    /// <summary>
    /// Null when Alpaca leaves it out: such a contract is treated as non-standard, never assumed to be 100
    /// (facts-more 3.4; missing multipliers on older data are UNVERIFIED).
    /// </summary>
    public decimal? Multiplier { get; init; }

    /// <summary>Shares delivered on exercise; not the multiplier.</summary>
    public decimal? Size { get; init; }
    public decimal? ClosePrice { get; init; }
}
