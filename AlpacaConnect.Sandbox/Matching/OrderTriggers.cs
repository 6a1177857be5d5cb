using AlpacaConnect.Sandbox.Trading;

namespace AlpacaConnect.Sandbox.Matching;

/// <summary>When an order may trade against the quote: stops trigger on the last price, limits need a
/// marketable quote, trailing stops follow the high (or low) water mark.</summary>
internal static class OrderTriggers
{
    public static bool IsMarketable(SandboxOrder order, SandboxQuote quote)
    {
        if (order.Type == "trailing_stop")
        {
            Trail(order, quote);
        }

        if (order.Type is "stop" or "stop_limit" or "trailing_stop" && !order.Triggered)
        {
            order.Triggered = order.IsBuy ? quote.Last >= order.StopPrice : quote.Last <= order.StopPrice;
            if (!order.Triggered)
            {
                return false;
            }
        }

        return order.Type switch
        {
            "limit" or "stop_limit" => order.IsBuy ? quote.Ask <= order.LimitPrice : quote.Bid >= order.LimitPrice,
            _ => true,
        };
    }

    private static void Trail(SandboxOrder order, SandboxQuote quote)
    {
        var mark = order.Hwm is { } hwm
            ? (order.IsBuy ? Math.Min(hwm, quote.Last) : Math.Max(hwm, quote.Last))
            : quote.Last;
        order.Hwm = mark;
        var distance = order.TrailPrice ?? mark * order.TrailPercent!.Value / 100m;
        order.StopPrice = PriceFeed.RoundToTick(order.IsBuy ? mark + distance : mark - distance);
    }
}
