using System.Globalization;
using AlpacaConnect.Gql.Alpaca;
using AlpacaConnect.Gql.Trading;

namespace AlpacaConnect.Gql.Guardrails;

/// <summary>
/// The pre-trade checks: pure functions of the order, the context the caller read, and the options.
/// Every broken rule is reported, each with its limit, so the app can explain them all at once.
/// </summary>
internal static class GuardrailPolicy
{
    public static IReadOnlyList<GuardrailViolation> Check(GuardrailOrder order, GuardrailContext context, GuardrailOptions options)
    {
        var violations = new List<GuardrailViolation>();
        void Refuse(string rule, string message, object? limit = null, object? actual = null) =>
            violations.Add(new GuardrailViolation(rule, message, Text(limit), Text(actual)));

        if (context.TradingBlocked || context.AccountBlocked || context.TradeSuspendedByUser)
        {
            Refuse(GuardrailRules.AccountBlocked, "The Alpaca account cannot place orders now (blocked or suspended by the user).");
        }

        if (order.Environment == AlpacaEnvironment.Live && !options.AllowLiveTrading)
        {
            Refuse(GuardrailRules.LiveTradingDisabled, "Live trading is not enabled on this server.");
        }

        if (!order.Closing)
        {
            CheckTerms(order, options, Refuse);
        }

        if (!context.MarketOpen && !order.TradesAroundTheClock && options.MarketHours switch
        {
            MarketHoursPolicy.WhileOpen => true,
            MarketHoursPolicy.MarketOrdersWhileOpen => order.Type == OrderType.Market,
            _ => false,
        })
        {
            Refuse(GuardrailRules.MarketClosed, "The market is closed; this order can only be placed while it is open.");
        }

        if (!order.Closing)
        {
            if (order.Quantity > options.MaxQuantityPerOrder)
            {
                Refuse(GuardrailRules.MaxQuantity, "The quantity is above the per-order limit.", options.MaxQuantityPerOrder, order.Quantity);
            }

            CheckValue(order, context, options, Refuse);
        }

        if (context.OrdersToday + 1 > options.MaxOrdersPerDay)
        {
            Refuse(GuardrailRules.MaxOrdersPerDay, "The daily number of orders is used up.", options.MaxOrdersPerDay, context.OrdersToday + 1);
        }

        return violations;
    }

    /// <summary>The order's value in USD, from its notional, its own price, or the quote's side it would take.</summary>
    public static decimal? EstimatedNotional(GuardrailOrder order, GuardrailContext context)
    {
        if (order.Notional is { } notional)
        {
            return notional;
        }

        var price = order.Type switch
        {
            OrderType.Limit or OrderType.StopLimit => order.LimitPrice,
            OrderType.Stop => order.StopPrice,
            _ => order.Side == OrderSide.Buy ? context.Ask ?? context.Bid : context.Bid ?? context.Ask,
        };
        if (price is not > 0 || order.Quantity is not { } quantity)
        {
            return null;
        }

        try
        {
            return price.Value * quantity * order.Multiplier;
        }
        catch (OverflowException)
        {
            // Beyond any limit there can be; reported as such instead of failing the request.
            return decimal.MaxValue;
        }
    }

    /// <summary>What may be traded here at all: the symbol lists, order types and times in force.</summary>
    private static void CheckTerms(GuardrailOrder order, GuardrailOptions options, Action<string, string, object?, object?> refuse)
    {
        var symbol = order.Symbol.ToUpperInvariant();
        if (options.DeniedSymbols.Any(s => string.Equals(s, symbol, StringComparison.OrdinalIgnoreCase)))
        {
            refuse(GuardrailRules.SymbolDenied, $"{symbol} may not be traded here.", null, symbol);
        }
        else if (options.AllowedSymbols.Count > 0 && !options.AllowedSymbols.Any(s => string.Equals(s, symbol, StringComparison.OrdinalIgnoreCase)))
        {
            refuse(GuardrailRules.SymbolNotAllowed, $"{symbol} is not on the list of tradable symbols.", string.Join(",", options.AllowedSymbols), symbol);
        }

        if (!options.AllowedOrderTypes.Contains(order.Type))
        {
            refuse(GuardrailRules.OrderTypeNotAllowed, $"{order.Type} orders are not allowed.", string.Join(",", options.AllowedOrderTypes), order.Type);
        }

        if (!options.AllowedTimeInForce.Contains(order.TimeInForce))
        {
            refuse(GuardrailRules.TimeInForceNotAllowed, $"Time in force {order.TimeInForce} is not allowed.", string.Join(",", options.AllowedTimeInForce), order.TimeInForce);
        }
    }

    private static void CheckValue(GuardrailOrder order, GuardrailContext context, GuardrailOptions options, Action<string, string, object?, object?> refuse)
    {
        if (EstimatedNotional(order, context) is not { } value)
        {
            refuse(GuardrailRules.PriceUnavailable, "No price is available to value this order; try a limit order.", null, null);
            return;
        }

        if (value > options.MaxNotionalPerOrder)
        {
            refuse(GuardrailRules.MaxNotionalPerOrder, "The order's value is above the per-order limit.", options.MaxNotionalPerOrder, Math.Round(value, 2));
        }

        if (value > options.MaxDailyNotional - context.NotionalToday)
        {
            refuse(GuardrailRules.MaxDailyNotional, "The order would pass the daily value limit.", options.MaxDailyNotional, value == decimal.MaxValue ? value : Math.Round(context.NotionalToday + value, 2));
        }

        if (order.LimitPrice is { } limit && order.Type is OrderType.Limit or OrderType.StopLimit)
        {
            var collar = options.LimitPriceCollarPercent / 100m;
            var outside = order.Side == OrderSide.Buy
                ? context.Ask is { } ask && limit > ask * (1 + collar)
                : context.Bid is { } bid && limit < bid * (1 - collar);
            if (outside)
            {
                refuse(GuardrailRules.LimitPriceCollar, $"The limit price is more than {options.LimitPriceCollarPercent}% away from the market.",
                    options.LimitPriceCollarPercent + "%", limit);
            }
        }
    }

    private static string? Text(object? value) => value switch
    {
        null => null,
        decimal d => d.ToString(CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
