using AlpacaConnect.Gql.Alpaca.Models;

namespace AlpacaConnect.Gql.Alpaca.Wire;

/// <summary>SPEC-2026 <c>OptionContract</c>: strike, multiplier and size are decimal strings (read from numbers too).</summary>
internal sealed class OptionContractWire
{
    public required Guid Id { get; set; }
    public required string Symbol { get; set; }
    public string? Name { get; set; }
    public string? Status { get; set; }
    public bool? Tradable { get; set; }
    public DateOnly ExpirationDate { get; set; }
    public string? RootSymbol { get; set; }
    public string? UnderlyingSymbol { get; set; }
    public Guid? UnderlyingAssetId { get; set; }
    public string? Type { get; set; }
    public string? Style { get; set; }
    public decimal? StrikePrice { get; set; }
    public decimal? Multiplier { get; set; }
    public decimal? Size { get; set; }
    public decimal? ClosePrice { get; set; }

    public AlpacaOptionContract ToModel() => new()
    {
        Id = Id,
        Symbol = Symbol,
        Name = Name,
        Status = WireEnum<AlpacaAssetStatus>.Parse(Status),
        Tradable = Tradable ?? false,
        ExpirationDate = ExpirationDate,
        RootSymbol = RootSymbol,
        UnderlyingSymbol = UnderlyingSymbol,
        UnderlyingAssetId = UnderlyingAssetId,
        Type = Type,
        Style = Style,
        StrikePrice = StrikePrice ?? 0,
        Multiplier = Multiplier,
        Size = Size,
        ClosePrice = ClosePrice,
    };
}
