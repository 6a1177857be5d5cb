using AlpacaConnect.Sandbox.Matching;
using AlpacaConnect.Sandbox.Wire;

namespace AlpacaConnect.Sandbox.Trading;

/// <summary>
/// Alpaca's stateless order rules (ORDERS-DOC, TRADING-SPEC): qty xor notional, fractional rules, prices per
/// type, trailing stops, sub-penny increments, extended hours, time in force per type, order classes.
/// Each returns Alpaca's status, code and message; null means valid.
/// </summary>
internal static class NewOrderValidator
{
    private static readonly string[] Types = ["market", "limit", "stop", "stop_limit", "trailing_stop"];
    private static readonly string[] TimesInForce = ["day", "gtc", "opg", "cls", "ioc", "fok"];

    public static IResult? Validate(NewOrderRequest r, SandboxAsset? asset, SandboxOrderOptions options)
    {
        if (r.OrderClass == "mleg")
        {
            return AlpacaError.Invalid("mleg (options) orders are not supported by the sandbox");
        }

        if (r.OrderClass is not ("" or "simple" or "bracket" or "oco" or "oto"))
        {
            return AlpacaError.Invalid("invalid order_class");
        }

        if (string.IsNullOrEmpty(r.Symbol))
        {
            return AlpacaError.Invalid("symbol is required");
        }

        if (asset is null)
        {
            return AlpacaError.Invalid($"asset \"{r.Symbol}\" not found");
        }

        return Basic(r) ?? AssetClassOrderRules.Check(r, asset, options) ?? (asset.IsCrypto ? null : Fractional(r, asset)) ?? Prices(r) ??
            TimeInForce(r, asset, options) ?? ClientOrderId(r, options) ?? OrderClass(r);
    }

    private static IResult? Basic(NewOrderRequest r)
    {
        if (r.Side is not ("buy" or "sell"))
        {
            return AlpacaError.Invalid("invalid side");
        }

        if (!Types.Contains(r.Type))
        {
            return AlpacaError.Invalid("invalid order type");
        }

        if (!TimesInForce.Contains(r.TimeInForce))
        {
            return AlpacaError.Invalid("invalid time_in_force");
        }

        if (r.Qty is not null && r.Notional is not null)
        {
            return AlpacaError.Invalid("only one of qty or notional may be specified");
        }

        if (r.Qty is null && r.Notional is null)
        {
            return AlpacaError.Invalid("qty or notional is required");
        }

        return r.Qty <= 0 || r.Notional <= 0 ? AlpacaError.Invalid("qty and notional must be positive") : null;
    }

    private static IResult? Fractional(NewOrderRequest r, SandboxAsset asset)
    {
        if (!r.IsFractional)
        {
            return null;
        }

        if (!asset.Fractionable)
        {
            return AlpacaError.Unprocessable422("requested asset is not fractionable");
        }

        if (r.Notional is not null && r.Type != "market")
        {
            return AlpacaError.Unprocessable422("notional orders must be market orders");
        }

        if (r.Type is not ("market" or "limit" or "stop" or "stop_limit") || r.TimeInForce != "day")
        {
            return AlpacaError.Unprocessable422("fractional orders must be DAY orders of type market, limit, stop or stop_limit");
        }

        return r.OrderClass is "" or "simple" ? null : AlpacaError.Unprocessable422("fractional orders cannot be complex orders");
    }

    private static IResult? Prices(NewOrderRequest r)
    {
        if (r.Type is "limit" or "stop_limit" && r.LimitPrice is null)
        {
            return AlpacaError.Invalid("limit_price is required");
        }

        if (r.Type is "stop" or "stop_limit" && r.StopPrice is null)
        {
            return AlpacaError.Invalid("stop_price is required");
        }

        if (r.Type == "trailing_stop" && (r.TrailPrice is null) == (r.TrailPercent is null))
        {
            return AlpacaError.Invalid("exactly one of trail_price or trail_percent is required");
        }

        if (r.Type == "trailing_stop" && r.TimeInForce is not ("day" or "gtc"))
        {
            return AlpacaError.Invalid("trailing_stop orders must be day or gtc");
        }

        foreach (var (name, price) in new[]
        {
            ("limit_price", r.LimitPrice), ("stop_price", r.StopPrice), ("take_profit.limit_price", r.TakeProfitLimitPrice),
            ("stop_loss.stop_price", r.StopLossStopPrice), ("stop_loss.limit_price", r.StopLossLimitPrice),
        })
        {
            if (PriceProblem(name, price) is { } problem)
            {
                return problem;
            }
        }

        return null;
    }

    /// <summary>Prices of $1 or more take two decimals, lower prices four; the message echoes the price as
    /// sent, e.g. "invalid limit_price 290.123. sub-penny increment …" (ORDERS-DOC).</summary>
    public static IResult? PriceProblem(string name, decimal? price) =>
        price is { } p && (p <= 0 || decimal.Round(p, p >= 1m ? 2 : 4) != p)
            ? AlpacaError.Unprocessable422($"invalid {name} {SandboxJson.Decimal(p)}. sub-penny increment does not fulfill minimum pricing criteria")
            : null;

    private static IResult? TimeInForce(NewOrderRequest r, SandboxAsset asset, SandboxOrderOptions options)
    {
        if (r.TimeInForce is "ioc" or "fok" or "opg" or "cls" && r.Type is not ("market" or "limit"))
        {
            return AlpacaError.Invalid($"time_in_force {r.TimeInForce} is only allowed for market and limit orders");
        }

        // Crypto trades around the clock, so extended_hours changes nothing for it.
        if (!r.ExtendedHours || asset.TradesAroundTheClock)
        {
            return null;
        }

        var tifAllowed = r.TimeInForce == "day" || (options.ExtendedHoursAllowsGtc && r.TimeInForce == "gtc");
        return r.Type == "limit" && tifAllowed && r.OrderClass is "" or "simple"
            ? null
            : AlpacaError.Invalid("extended hours order must be DAY limit orders");
    }

    private static IResult? ClientOrderId(NewOrderRequest r, SandboxOrderOptions options) =>
        r.ClientOrderId is { Length: var length } && length > options.MaxClientOrderIdLength
            ? AlpacaError.Invalid($"client_order_id must be no more than {options.MaxClientOrderIdLength} characters")
            : null;

    private static IResult? OrderClass(NewOrderRequest r)
    {
        switch (r.OrderClass)
        {
            case "bracket":
                if (!r.HasTakeProfit || !r.HasStopLoss)
                {
                    return AlpacaError.Invalid("bracket orders require take_profit and stop_loss");
                }

                if (r.Type is not ("market" or "limit") || r.TimeInForce is not ("day" or "gtc"))
                {
                    return AlpacaError.Invalid("bracket orders must be market or limit orders with day or gtc");
                }

                var ordered = r.Side == "buy"
                    ? r.TakeProfitLimitPrice > r.StopLossStopPrice
                    : r.TakeProfitLimitPrice < r.StopLossStopPrice;
                return ordered ? null : AlpacaError.Unprocessable422(r.Side == "buy"
                    ? "take_profit.limit_price must be > stop_loss.stop_price"
                    : "take_profit.limit_price must be < stop_loss.stop_price");
            case "oco":
                return r.Type == "limit" && r.HasTakeProfit && r.HasStopLoss
                    ? null
                    : AlpacaError.Invalid("oco orders must be limit orders with take_profit and stop_loss");
            case "oto":
                return r.HasTakeProfit != r.HasStopLoss
                    ? null
                    : AlpacaError.Invalid("oto orders require exactly one of take_profit or stop_loss");
            default:
                return null;
        }
    }
}
