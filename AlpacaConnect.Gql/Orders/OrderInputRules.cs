using AlpacaConnect.Gql.Trading;

namespace AlpacaConnect.Gql.Orders;

/// <summary>
/// Alpaca's stateless order rules (facts 2.2), checked before anything is saved or sent, so a malformed order costs no
/// upstream call and no idempotency key. Alpaca stays the judge of anything account- or asset-dependent.
/// </summary>
internal static class OrderInputRules
{
    public const int MaxIdempotencyKeyLength = 128;
    public const int MaxSymbolLength = SymbolShape.MaxLength;

    /// <summary>Alpaca accepts quantities to nine decimals.</summary>
    private const int MaxQuantityDecimals = 9;

    /// <summary>The one rule every money-moving command's <c>idempotencyKey</c> follows; null when it holds.</summary>
    public static OrderInvalidError? KeyError(string? key) =>
        string.IsNullOrWhiteSpace(key) || key.Length > MaxIdempotencyKeyLength
            ? new OrderInvalidError("idempotencyKey", $"idempotencyKey must be 1 to {MaxIdempotencyKeyLength} characters.")
            : null;

    public static IReadOnlyList<OrderInvalidError> Check(PlaceOrderInput input)
    {
        var errors = new List<OrderInvalidError>();
        void Invalid(string field, string message) => errors.Add(new OrderInvalidError(field, message));

        if (KeyError(input.IdempotencyKey) is { } badKey)
        {
            errors.Add(badKey);
        }

        if (string.IsNullOrWhiteSpace(input.Symbol) || input.Symbol.Trim().Length > MaxSymbolLength)
        {
            Invalid("symbol", $"symbol must be 1 to {MaxSymbolLength} characters.");
        }
        else if (!SymbolShape.IsValid(input.NormalizedSymbol))
        {
            Invalid("symbol", SymbolShape.Description);
        }

        // Out-of-range amounts stop here: the rules below do arithmetic with them.
        if (AmountRange.Check(("qty", input.Qty), ("notional", input.Notional), ("limitPrice", input.LimitPrice), ("stopPrice", input.StopPrice),
                ("trailPrice", input.TrailPrice), ("trailPercent", input.TrailPercent), ("takeProfit.limitPrice", input.TakeProfit?.LimitPrice),
                ("stopLoss.stopPrice", input.StopLoss?.StopPrice), ("stopLoss.limitPrice", input.StopLoss?.LimitPrice)) is { Count: > 0 } outOfRange)
        {
            errors.AddRange(outOfRange);
            return errors;
        }

        CheckAmount(input, Invalid);
        CheckPrices(input, Invalid);
        CheckTimeInForce(input, Invalid);
        CheckOrderClass(input, Invalid);
        return errors;
    }

    private static void CheckAmount(PlaceOrderInput input, Action<string, string> invalid)
    {
        if ((input.Qty is null) == (input.Notional is null))
        {
            invalid("qty", "Give exactly one of qty or notional.");
            return;
        }

        if (input.Qty <= 0 || input.Notional <= 0)
        {
            invalid(input.Qty is null ? "notional" : "qty", "qty and notional must be positive.");
            return;
        }

        if (input.Qty is { } qty && qty.Scale > MaxQuantityDecimals && decimal.Round(qty, MaxQuantityDecimals) != qty)
        {
            invalid("qty", $"qty takes at most {MaxQuantityDecimals} decimals.");
        }

        if (input.Notional is { } notional && decimal.Round(notional, 2) != notional)
        {
            invalid("notional", "notional is a dollar amount with at most 2 decimals.");
        }

        // Equities only: crypto (written with a slash, BTC/USD) has its own terms, checked against its asset.
        var fractional = !input.Symbol.Contains('/', StringComparison.Ordinal) && (input.Notional is not null || (input.Qty is { } whole && whole % 1 != 0));
        if (fractional && (input.Type is not (OrderType.Market or OrderType.Limit) || input.TimeInForce != TimeInForce.Day))
        {
            invalid(input.Notional is null ? "qty" : "notional", "Fractional and notional orders must be MARKET or LIMIT orders with DAY.");
        }

        if (fractional && input.OrderClass != OrderClass.Simple)
        {
            invalid("orderClass", "Fractional and notional orders must be SIMPLE orders.");
        }
    }

    private static void CheckPrices(PlaceOrderInput input, Action<string, string> invalid)
    {
        var needsLimit = input.Type is OrderType.Limit or OrderType.StopLimit;
        var needsStop = input.Type is OrderType.Stop or OrderType.StopLimit;
        if (needsLimit != input.LimitPrice.HasValue)
        {
            invalid("limitPrice", needsLimit ? "limitPrice is required for LIMIT and STOP_LIMIT orders." : "limitPrice is only for LIMIT and STOP_LIMIT orders.");
        }

        if (needsStop != input.StopPrice.HasValue)
        {
            invalid("stopPrice", needsStop ? "stopPrice is required for STOP and STOP_LIMIT orders." : "stopPrice is only for STOP and STOP_LIMIT orders.");
        }

        var trails = (input.TrailPrice.HasValue ? 1 : 0) + (input.TrailPercent.HasValue ? 1 : 0);
        if (input.Type == OrderType.TrailingStop ? trails != 1 : trails != 0)
        {
            invalid("trailPrice", input.Type == OrderType.TrailingStop
                ? "TRAILING_STOP orders take exactly one of trailPrice or trailPercent."
                : "trailPrice and trailPercent are only for TRAILING_STOP orders.");
        }

        if (input.TrailPrice <= 0 || input.TrailPercent is <= 0 or > 100)
        {
            invalid(input.TrailPrice.HasValue ? "trailPrice" : "trailPercent", "trailPrice must be positive; trailPercent between 0 and 100.");
        }

        foreach (var (field, price) in new[]
        {
            ("limitPrice", input.LimitPrice), ("stopPrice", input.StopPrice), ("takeProfit.limitPrice", input.TakeProfit?.LimitPrice),
            ("stopLoss.stopPrice", input.StopLoss?.StopPrice), ("stopLoss.limitPrice", input.StopLoss?.LimitPrice),
        })
        {
            if (price is { } p && (p <= 0 || decimal.Round(p, p >= 1m ? 2 : 4) != p))
            {
                invalid(field, $"{field} must be positive with at most 2 decimals (4 below $1): sub-penny prices are refused.");
            }
        }
    }

    private static void CheckTimeInForce(PlaceOrderInput input, Action<string, string> invalid)
    {
        if (input.TimeInForce is TimeInForce.Ioc or TimeInForce.Fok or TimeInForce.Opg or TimeInForce.Cls
            && input.Type is not (OrderType.Market or OrderType.Limit))
        {
            invalid("timeInForce", "IOC, FOK, OPG and CLS are only for MARKET and LIMIT orders.");
        }

        if (input.Type == OrderType.TrailingStop && input.TimeInForce is not (TimeInForce.Day or TimeInForce.Gtc))
        {
            invalid("timeInForce", "TRAILING_STOP orders must be DAY or GTC.");
        }

        if (input.ExtendedHours && (input.Type != OrderType.Limit || input.TimeInForce is not (TimeInForce.Day or TimeInForce.Gtc)
            || input.OrderClass != OrderClass.Simple))
        {
            invalid("extendedHours", "Extended-hours orders must be SIMPLE LIMIT orders with DAY or GTC.");
        }
    }

    private static void CheckOrderClass(PlaceOrderInput input, Action<string, string> invalid)
    {
        var legs = (input.TakeProfit is null ? 0 : 1) + (input.StopLoss is null ? 0 : 1);
        switch (input.OrderClass)
        {
            case OrderClass.Simple when legs > 0:
                invalid("orderClass", "takeProfit and stopLoss are only for BRACKET, OCO and OTO orders.");
                break;
            case OrderClass.Bracket:
                if (legs != 2)
                {
                    invalid("orderClass", "BRACKET orders need both takeProfit and stopLoss.");
                }
                else if (input.Side == OrderSide.Buy ? input.TakeProfit!.LimitPrice <= input.StopLoss!.StopPrice : input.TakeProfit!.LimitPrice >= input.StopLoss!.StopPrice)
                {
                    invalid("takeProfit.limitPrice", "A BRACKET's takeProfit.limitPrice must be above stopLoss.stopPrice for a buy (below for a sell).");
                }

                if (input.Type is not (OrderType.Market or OrderType.Limit) || input.TimeInForce is not (TimeInForce.Day or TimeInForce.Gtc))
                {
                    invalid("orderClass", "BRACKET orders must be MARKET or LIMIT orders with DAY or GTC.");
                }

                break;
            case OrderClass.Oco when legs != 2 || input.Type != OrderType.Limit:
                invalid("orderClass", "OCO orders must be LIMIT orders with both takeProfit and stopLoss.");
                break;
            case OrderClass.Oto when legs != 1:
                invalid("orderClass", "OTO orders need exactly one of takeProfit or stopLoss.");
                break;
        }
    }
}
