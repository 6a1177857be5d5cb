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
    public static IReadOnlyList<GuardrailViolation> Check(GuardrailOrder order, GuardrailContext context, GuardrailOptions options) =>
        Evaluate(order, context, options).Where(v => !v.Passed).Select(v => new GuardrailViolation(v.Rule, v.Message, v.Limit, v.Actual)).ToList();

    /// <summary>
    /// Every rule that applies to the order, passed or not, in the order they are checked: what <see cref="Check"/> refuses
    /// by and what <c>previewOrder</c> shows, from the same code so the two cannot disagree.
    /// </summary>
    public static IReadOnlyList<GuardrailVerdict> Evaluate(GuardrailOrder order, GuardrailContext context, GuardrailOptions options)
    {
        var verdicts = new List<GuardrailVerdict>();
        void Judge(bool passed, string rule, string message, object? limit = null, object? actual = null) =>
            verdicts.Add(new GuardrailVerdict(rule, passed, message, Text(limit), Text(actual)));

        Judge(!(context.TradingBlocked || context.AccountBlocked || context.TradeSuspendedByUser), GuardrailRules.AccountBlocked,
            "The Alpaca account cannot place orders now (blocked or suspended by the user).");

        if (order.Environment == AlpacaEnvironment.Live)
        {
            Judge(options.AllowLiveTrading, GuardrailRules.LiveTradingDisabled, "Live trading is not enabled on this server.");
        }

        if (!order.Closing)
        {
            CheckTerms(order, options, Judge);
        }

        if (!order.TradesAroundTheClock && options.MarketHours switch
        {
            MarketHoursPolicy.WhileOpen => true,
            MarketHoursPolicy.MarketOrdersWhileOpen => order.Type == OrderType.Market,
            _ => false,
        })
        {
            Judge(context.MarketOpen, GuardrailRules.MarketClosed, "The market is closed; this order can only be placed while it is open.");
        }

        if (!order.Closing)
        {
            Judge(!(order.Quantity > options.MaxQuantityPerOrder), GuardrailRules.MaxQuantity, "The quantity is above the per-order limit.",
                options.MaxQuantityPerOrder, order.Quantity);
            CheckValue(order, context, options, Judge);
        }

        Judge(context.OrdersToday + 1 <= options.MaxOrdersPerDay, GuardrailRules.MaxOrdersPerDay, "The daily number of orders is used up.",
            options.MaxOrdersPerDay, context.OrdersToday + 1);
        return verdicts;
    }

    /// <summary>The order's value in USD, from its notional, its own price, or the quote's side it would take.</summary>
    public static decimal? EstimatedNotional(GuardrailOrder order, GuardrailContext context)
    {
        if (order.Notional is { } notional)
        {
            return notional;
        }

        var price = ValuationPrice(order, context);
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

    /// <summary>The price the order is valued at: its own limit or stop price, else the quote's side it would take.</summary>
    public static decimal? ValuationPrice(GuardrailOrder order, GuardrailContext context) => order.Type switch
    {
        OrderType.Limit or OrderType.StopLimit => order.LimitPrice,
        OrderType.Stop => order.StopPrice,
        _ => order.Side == OrderSide.Buy ? context.Ask ?? context.Bid : context.Bid ?? context.Ask,
    };

    /// <summary>What may be traded here at all: the symbol lists, order types and times in force.</summary>
    private static void CheckTerms(GuardrailOrder order, GuardrailOptions options, Action<bool, string, string, object?, object?> judge)
    {
        var symbol = order.Symbol.ToUpperInvariant();
        var denied = options.DeniedSymbols.Any(s => string.Equals(s, symbol, StringComparison.OrdinalIgnoreCase));
        judge(!denied, GuardrailRules.SymbolDenied, $"{symbol} may not be traded here.", null, symbol);
        if (!denied && options.AllowedSymbols.Count > 0)
        {
            judge(options.AllowedSymbols.Any(s => string.Equals(s, symbol, StringComparison.OrdinalIgnoreCase)), GuardrailRules.SymbolNotAllowed,
                $"{symbol} is not on the list of tradable symbols.", string.Join(",", options.AllowedSymbols), symbol);
        }

        judge(options.AllowedOrderTypes.Contains(order.Type), GuardrailRules.OrderTypeNotAllowed, $"{order.Type} orders are not allowed.",
            string.Join(",", options.AllowedOrderTypes), order.Type);
        judge(options.AllowedTimeInForce.Contains(order.TimeInForce), GuardrailRules.TimeInForceNotAllowed, $"Time in force {order.TimeInForce} is not allowed.",
            string.Join(",", options.AllowedTimeInForce), order.TimeInForce);
    }

    private static void CheckValue(GuardrailOrder order, GuardrailContext context, GuardrailOptions options, Action<bool, string, string, object?, object?> judge)
    {
        if (EstimatedNotional(order, context) is not { } value)
        {
            judge(false, GuardrailRules.PriceUnavailable, "No price is available to value this order; try a limit order.", null, null);
            return;
        }

        judge(true, GuardrailRules.PriceUnavailable, "A price is available to value this order.", null, Cents(value));
        judge(!(value > options.MaxNotionalPerOrder), GuardrailRules.MaxNotionalPerOrder, "The order's value is above the per-order limit.",
            options.MaxNotionalPerOrder, Cents(value));
        judge(!(value > options.MaxDailyNotional - context.NotionalToday), GuardrailRules.MaxDailyNotional, "The order would pass the daily value limit.",
            options.MaxDailyNotional, Cents(context.NotionalToday + value));

        if (order.LimitPrice is { } limit && order.Type is OrderType.Limit or OrderType.StopLimit)
        {
            var collar = options.LimitPriceCollarPercent / 100m;
            var reference = order.Side == OrderSide.Buy ? context.Ask : context.Bid;
            if (reference is { } market)
            {
                var outside = order.Side == OrderSide.Buy ? limit > market * (1 + collar) : limit < market * (1 - collar);
                judge(!outside, GuardrailRules.LimitPriceCollar, $"The limit price is more than {options.LimitPriceCollarPercent}% away from the market.",
                    options.LimitPriceCollarPercent + "%", limit);
            }
        }
    }

    /// <summary>
    /// An amount as a verdict or a preview shows it: to the cent, half away from zero (as a receipt rounds); the
    /// "cannot be valued" sentinel stays as it is.
    /// </summary>
    public static decimal Cents(decimal value) => value == decimal.MaxValue ? value : Math.Round(value, 2, MidpointRounding.AwayFromZero);

    /// <summary>A verdict's limit or actual value as text: decimals without trailing zeros ("1.5", not "1.50"), as the asset rules write them.</summary>
    public static string? Text(object? value) => value switch
    {
        null => null,
        decimal d => d.ToString("G29", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
