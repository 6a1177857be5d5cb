using AlpacaConnect.Sandbox.Accounts;
using AlpacaConnect.Sandbox.Matching;

namespace AlpacaConnect.Sandbox.Wire;

/// <summary>Alpaca's Position object. Ratios (<c>*_plpc</c>, <c>change_today</c>) are fractions. Crypto is named without the
/// slash (<c>BTCUSD</c>), an option by its OCC symbol; an option's values count the contract multiplier.</summary>
internal sealed record SandboxPositionWire(
    Guid AssetId, string Symbol, string Exchange, string AssetClass, bool AssetMarginable, decimal Qty, decimal QtyAvailable,
    decimal AvgEntryPrice, string Side, decimal MarketValue, decimal CostBasis, decimal UnrealizedPl, decimal UnrealizedPlpc,
    decimal UnrealizedIntradayPl, decimal UnrealizedIntradayPlpc, decimal CurrentPrice, decimal LastdayPrice, decimal ChangeToday)
{
    public static SandboxPositionWire From(SandboxPosition position, decimal heldForOrders, SandboxQuote quote)
    {
        var asset = position.Asset;
        var price = quote.Last;
        var marketValue = position.Qty * price * asset.Multiplier;
        var pl = marketValue - position.CostBasis;
        var plpc = position.CostBasis == 0 ? 0 : Math.Round(pl / position.CostBasis, 16);
        var lastDay = asset.OpeningPrice;
        return new SandboxPositionWire(
            asset.Id, asset.PositionSymbol, asset.Exchange, asset.Class, asset.Marginable, position.Qty, position.Qty - heldForOrders,
            Math.Round(position.AverageEntryPrice, 9), "long", marketValue, Math.Round(position.CostBasis, 9), Math.Round(pl, 9), plpc,
            Math.Round(pl, 9), plpc, price, lastDay, Math.Round((price - lastDay) / lastDay, 16));
    }
}
