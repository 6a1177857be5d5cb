using AlpacaConnect.Sandbox.Accounts;
using AlpacaConnect.Sandbox.Trading;

namespace AlpacaConnect.Sandbox.Matching;

/// <summary>Derived account figures. Call under the account's lock.</summary>
internal static class AccountLedger
{
    /// <summary>Open buy orders reserve buying power at once (ORDERS-DOC "Buying Power"); a pending replace
    /// reserves the larger of the old and the new order.</summary>
    public static decimal ReservedBuyingPower(this SandboxAccount account, PriceFeed prices) =>
        account.Working.Where(o => o.IsBuyingPowerReserved && o.PendingReplacement is null)
            .Sum(o => o.Replaces is { } old && account.OrdersById.TryGetValue(old, out var previous) && previous.Status == SandboxOrderStatus.PendingReplace
                ? Math.Max(Cost(o, prices), Cost(previous, prices))
                : Cost(o, prices));

    /// <summary>What an order would cost at its limit, or at the current ask for market-like orders; an option's
    /// price is per share, so it counts times the contract multiplier (facts-more 3.4).</summary>
    public static decimal Cost(SandboxOrder order, PriceFeed prices)
    {
        if (order.Notional is { } notional)
        {
            return notional - order.FilledQty * (order.FilledAvgPrice ?? 0);
        }

        var price = order.LimitPrice ?? Math.Max(order.StopPrice ?? 0, prices.Quote(order.Asset).Ask);
        return (order.RemainingQty ?? 0) * price * order.Asset.Multiplier;
    }

    public static decimal BuyingPower(this SandboxAccount account, PriceFeed prices) =>
        Math.Max(0, account.Cash - account.ReservedBuyingPower(prices));

    /// <summary>Shares promised to open sell orders. Held legs wait for their parent, and the stop-loss of a
    /// pair of exits covers the same shares as its take-profit, so neither counts.</summary>
    public static decimal HeldForOrders(this SandboxAccount account, string symbol) =>
        account.Working.Where(o => !o.IsBuy && o.Asset.Symbol == symbol && o.Status != SandboxOrderStatus.Held &&
                o.Status != SandboxOrderStatus.PendingCancel && !SandboxOrderStatus.IsClosed(o.Status) && o.PendingReplacement is null &&
                !IsSecondExit(o))
            .Sum(o => o.RemainingQty ?? 0);

    private static bool IsSecondExit(SandboxOrder order) =>
        order.Parent is { } parent && order.Type is "stop" or "stop_limit" && (parent.OrderClass == "oco" || parent.Legs.Count > 1);

    public static decimal LongMarketValue(this SandboxAccount account, PriceFeed prices) =>
        account.Positions.Values.Sum(p => p.Qty * prices.Quote(p.Asset).Last * p.Asset.Multiplier);
}
