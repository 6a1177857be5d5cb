using AlpacaConnect.Sandbox.Matching;
using AlpacaConnect.Sandbox.Wire;

namespace AlpacaConnect.Sandbox.Trading;

/// <summary>
/// Order rules that depend on the asset class. Crypto (DOCS-2025 <c>crypto-trading.md</c>, facts-more 3.3): <c>gtc</c>
/// or <c>ioc</c>, types <c>market</c>, <c>limit</c>, <c>stop_limit</c>, quantities in the pair's increments from its
/// minimum. Options (DOCS-2025 <c>options-trading.md</c>, facts-more 3.4): whole contracts, no notional, <c>day</c>
/// only, <c>market</c> or <c>limit</c>, no extended hours. The rules are documented; the messages are not, so they
/// follow Alpaca's lower-case style with code 42210000.
/// </summary>
internal static class AssetClassOrderRules
{
    public static IResult? Check(NewOrderRequest r, SandboxAsset asset, SandboxOrderOptions options) =>
        asset.IsCrypto ? Crypto(r, asset, options)
        : asset.IsOption ? Option(r)
        : null;

    private static IResult? Crypto(NewOrderRequest r, SandboxAsset asset, SandboxOrderOptions options)
    {
        var dayAllowed = options.CryptoLimitDayAllowed && r.Type == "limit";
        if (r.TimeInForce is not ("gtc" or "ioc") && !(dayAllowed && r.TimeInForce == "day"))
        {
            return AlpacaError.Unprocessable422($"invalid crypto time_in_force {r.TimeInForce}; crypto orders accept gtc or ioc");
        }

        if (r.Type is not ("market" or "limit" or "stop_limit"))
        {
            return AlpacaError.Unprocessable422($"invalid crypto order type {r.Type}; crypto orders accept market, limit or stop_limit");
        }

        if (r.OrderClass is not ("" or "simple"))
        {
            return AlpacaError.Unprocessable422("crypto orders cannot be complex orders");
        }

        if (r.Notional is not null)
        {
            return r.Type == "market" ? null : AlpacaError.Unprocessable422("notional orders must be market orders");
        }

        var qty = r.Qty!.Value;
        if (asset.MinOrderSize is { } minimum && qty < minimum)
        {
            return AlpacaError.Unprocessable422($"qty {SandboxJson.Decimal(qty)} is below the minimum order size {SandboxJson.Decimal(minimum)}");
        }

        if (asset.MinTradeIncrement is { } increment && qty % increment != 0)
        {
            return AlpacaError.Unprocessable422($"qty {SandboxJson.Decimal(qty)} is not a multiple of the minimum trade increment {SandboxJson.Decimal(increment)}");
        }

        return PriceIncrement("limit_price", r.LimitPrice, asset) ?? PriceIncrement("stop_price", r.StopPrice, asset);
    }

    private static IResult? PriceIncrement(string name, decimal? price, SandboxAsset asset) =>
        price is { } p && asset.PriceIncrement is { } step && p % step != 0
            ? AlpacaError.Unprocessable422($"invalid {name} {SandboxJson.Decimal(p)}. price increment is {SandboxJson.Decimal(step)}")
            : null;

    private static IResult? Option(NewOrderRequest r)
    {
        if (r.Notional is not null)
        {
            return AlpacaError.Unprocessable422("notional orders are not allowed for options");
        }

        if (r.Qty is { } qty && qty != decimal.Truncate(qty))
        {
            return AlpacaError.Unprocessable422($"qty {SandboxJson.Decimal(qty)} must be a whole number of option contracts");
        }

        if (r.TimeInForce != "day")
        {
            return AlpacaError.Unprocessable422($"invalid options time_in_force {r.TimeInForce}; options orders must be day orders");
        }

        if (r.Type is not ("market" or "limit"))
        {
            return AlpacaError.Unprocessable422($"invalid options order type {r.Type}; options orders must be market or limit orders");
        }

        if (r.ExtendedHours)
        {
            return AlpacaError.Unprocessable422("extended hours orders are not allowed for options");
        }

        return r.OrderClass is "" or "simple" ? null : AlpacaError.Unprocessable422("complex orders are not supported for options by the sandbox");
    }
}
