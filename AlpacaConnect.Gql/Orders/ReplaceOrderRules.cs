using AlpacaConnect.Gql.Trading;

namespace AlpacaConnect.Gql.Orders;

/// <summary>Alpaca's replace rules (facts 2.7) that need nothing but the input and the order being replaced.</summary>
internal static class ReplaceOrderRules
{
    public static IReadOnlyList<OrderInvalidError> Check(ReplaceOrderInput input)
    {
        var errors = new List<OrderInvalidError>();
        void Invalid(string field, string message) => errors.Add(new OrderInvalidError(field, message));

        if (OrderInputRules.KeyError(input.IdempotencyKey) is { } badKey)
        {
            errors.Add(badKey);
        }

        if (AmountRange.Check(("qty", input.Qty), ("limitPrice", input.LimitPrice), ("stopPrice", input.StopPrice), ("trail", input.Trail)) is { Count: > 0 } outOfRange)
        {
            errors.AddRange(outOfRange);
            return errors;
        }

        if (input is { Qty: null, LimitPrice: null, StopPrice: null, Trail: null, TimeInForce: null })
        {
            Invalid("qty", "Give at least one of qty, limitPrice, stopPrice, trail or timeInForce to change.");
        }

        if (input.Qty is { } qty && (qty <= 0 || qty % 1 != 0))
        {
            Invalid("qty", "qty must be a positive whole number of shares (Alpaca cannot replace fractional quantities).");
        }

        foreach (var (field, price) in new[] { ("limitPrice", input.LimitPrice), ("stopPrice", input.StopPrice) })
        {
            if (price is { } p && (p <= 0 || decimal.Round(p, p >= 1m ? 2 : 4) != p))
            {
                Invalid(field, $"{field} must be positive with at most 2 decimals (4 below $1): sub-penny prices are refused.");
            }
        }

        if (input.Trail is <= 0)
        {
            Invalid("trail", "trail must be positive.");
        }

        return errors;
    }

    /// <summary>The changes that do not fit the order: its type has no such price, or it is a notional order.</summary>
    public static IReadOnlyList<OrderInvalidError> CheckAgainst(ReplaceOrderInput input, Order order)
    {
        var errors = new List<OrderInvalidError>();
        if (order.Notional is not null)
        {
            errors.Add(new OrderInvalidError("orderId", "Alpaca cannot replace notional orders; cancel it and place a new one."));
        }

        if (input.LimitPrice is not null && order.Type is not (OrderType.Limit or OrderType.StopLimit))
        {
            errors.Add(new OrderInvalidError("limitPrice", "limitPrice can only be changed on LIMIT and STOP_LIMIT orders."));
        }

        if (input.StopPrice is not null && order.Type is not (OrderType.Stop or OrderType.StopLimit))
        {
            errors.Add(new OrderInvalidError("stopPrice", "stopPrice can only be changed on STOP and STOP_LIMIT orders."));
        }

        if (input.Trail is not null && order.Type != OrderType.TrailingStop)
        {
            errors.Add(new OrderInvalidError("trail", "trail can only be changed on TRAILING_STOP orders."));
        }

        if (input.Trail is > 100 && order.TrailPercent is not null)
        {
            errors.Add(new OrderInvalidError("trail", "This order trails by percent: trail must be at most 100."));
        }

        return errors;
    }
}
