using System.Text.Json.Serialization;
using AlpacaConnect.Sandbox.Matching;

namespace AlpacaConnect.Sandbox.Wire;

/// <summary>
/// SPEC-2026 <c>OptionContract</c>: strike, multiplier, size and close price are decimal strings. The spec lists
/// <c>multiplier</c> as required; the sandbox's non-standard contract leaves it out to exercise clients that must not
/// assume 100 (facts-more 3.4 and 10).
/// </summary>
internal sealed record SandboxOptionContractWire(
    Guid Id, string Symbol, string Name, string Status, bool Tradable, DateOnly ExpirationDate, string RootSymbol,
    string UnderlyingSymbol, Guid UnderlyingAssetId, string Type, string Style, decimal StrikePrice,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] decimal? Multiplier,
    decimal Size, decimal ClosePrice)
{
    public static SandboxOptionContractWire From(SandboxAsset asset)
    {
        var contract = asset.Option ?? throw new ArgumentException($"{asset.Symbol} is not an option contract.", nameof(asset));
        return new SandboxOptionContractWire(
            asset.Id, asset.Symbol, asset.Name, "active", true, contract.ExpirationDate, contract.UnderlyingSymbol,
            contract.UnderlyingSymbol, contract.UnderlyingAssetId, contract.Type, contract.Style, contract.StrikePrice,
            contract.PublishesMultiplier ? contract.Multiplier : null, contract.Size, asset.OpeningPrice);
    }
}
