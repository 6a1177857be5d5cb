using System.Text.Json.Serialization;
using AlpacaConnect.Sandbox.Matching;

namespace AlpacaConnect.Sandbox.Wire;

/// <summary>
/// Alpaca's Asset object (SPEC-2026 <c>Assets</c>); the asset class field is named <c>class</c>. The crypto sizes
/// are decimal strings present on crypto only (facts-more 3.3), so they are left out rather than null elsewhere.
/// </summary>
internal sealed record SandboxAssetWire(
    Guid Id, [property: JsonPropertyName("class")] string AssetClass, string Exchange, string Symbol, string Name, string Status,
    bool Tradable, bool Marginable, bool Shortable, bool EasyToBorrow, bool Fractionable,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] decimal? MinOrderSize,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] decimal? MinTradeIncrement,
    decimal PriceIncrement,
    IReadOnlyList<string> Attributes)
{
    public static SandboxAssetWire From(SandboxAsset asset) => new(
        asset.Id, asset.Class, asset.Exchange, asset.Symbol, asset.Name, asset.Status, asset.Status == "active", asset.Marginable, false, false,
        asset.Fractionable, asset.MinOrderSize, asset.MinTradeIncrement, asset.Tick(asset.OpeningPrice), []);
}
