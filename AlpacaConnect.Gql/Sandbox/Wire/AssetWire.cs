using System.Text.Json.Serialization;
using AlpacaConnect.Gql.Sandbox.Matching;

namespace AlpacaConnect.Gql.Sandbox.Wire;

/// <summary>Alpaca's Asset object; the asset class field is named <c>class</c>.</summary>
internal sealed record AssetWire(
    Guid Id, [property: JsonPropertyName("class")] string AssetClass, string Exchange, string Symbol, string Name, string Status,
    bool Tradable, bool Marginable, bool Shortable, bool EasyToBorrow, bool Fractionable, decimal PriceIncrement)
{
    public static AssetWire From(SandboxAsset asset) => new(
        asset.Id, asset.Class, asset.Exchange, asset.Symbol, asset.Name, "active", true, asset.Fractionable, false, false,
        asset.Fractionable, PriceFeed.MinimumTick(asset.OpeningPrice));
}
