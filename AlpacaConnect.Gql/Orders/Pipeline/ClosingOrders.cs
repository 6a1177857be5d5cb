using AlpacaConnect.Gql.Alpaca.Models;
using AlpacaConnect.Gql.Trading;

namespace AlpacaConnect.Gql.Orders.Pipeline;

/// <summary>
/// Finds Alpaca's closing order for a close whose answer was lost. <c>DELETE /v2/positions/{symbol}</c> takes no client
/// order id, so the closing order can only be recognised by what it must be: a market order in the position's symbol,
/// on the closing side, created after the close was saved, that no order of ours already claims (decision 0015).
/// </summary>
internal static class ClosingOrders
{
    /// <summary>Our clock and Alpaca's may disagree a little; a close's order cannot predate its intent by more than this.</summary>
    private static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(30);

    public static AlpacaOrder? Match(Order close, IEnumerable<AlpacaOrder> unclaimed) =>
        unclaimed
            .Where(o => o.Type == AlpacaOrderType.Market
                && Same(o.Symbol, close.Symbol)
                && (o.Side == AlpacaOrderSide.Buy) == (close.Side == OrderSide.Buy)
                && o.CreatedAt >= close.CreatedAt - ClockSkew)
            .OrderBy(o => o.CreatedAt)
            .FirstOrDefault();

    /// <summary>Positions name crypto without the slash (<c>BTCUSD</c>), orders with it (<c>BTC/USD</c>).</summary>
    private static bool Same(string reported, string ours) =>
        string.Equals(reported.Replace("/", "", StringComparison.Ordinal), ours.Replace("/", "", StringComparison.Ordinal), StringComparison.Ordinal);
}
