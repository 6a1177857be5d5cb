using AlpacaConnect.Gql.GraphQL.Errors;
using AlpacaConnect.Gql.Guardrails;
using AlpacaConnect.Gql.Trading;
using AlpacaConnect.Gql.Trading.Assets;
using GraphQL;

namespace AlpacaConnect.Gql.Orders.Pipeline;

/// <summary>
/// The rules an order's asset sets (more-facts 3.3, 3.4): its class must be allowed here, it must be tradable, and
/// each class has its own terms. Checked before the guardrails and before anything is saved or sent.
/// </summary>
internal static class AssetRules
{
    public const string NotFound = "ASSET_NOT_FOUND";
    public const string NotTradable = "ASSET_NOT_TRADABLE";
    public const string NotFractionable = "ASSET_NOT_FRACTIONABLE";
    public const string TimeInForceForClass = "TIME_IN_FORCE_FOR_ASSET_CLASS";
    public const string OrderTypeForClass = "ORDER_TYPE_FOR_ASSET_CLASS";
    public const string OrderClassForClass = "ORDER_CLASS_FOR_ASSET_CLASS";
    public const string ExtendedHoursForClass = "EXTENDED_HOURS_FOR_ASSET_CLASS";
    public const string BelowMinOrderSize = "BELOW_MIN_ORDER_SIZE";
    public const string QtyIncrement = "QTY_INCREMENT";
    public const string PriceIncrement = "PRICE_INCREMENT";
    public const string WholeContracts = "WHOLE_CONTRACTS";
    public const string NotionalForClass = "NOTIONAL_FOR_ASSET_CLASS";
    public const string NonStandardContract = "NON_STANDARD_CONTRACT";
    public const string AssetClassNotAllowed = "ASSET_CLASS_NOT_ALLOWED";

    /// <summary>
    /// Every asset rule that applies to the order, passed or not, in the order they are checked: what the pipeline refuses
    /// by (the failed ones) and what <c>previewOrder</c> shows, from the same code. For a position close
    /// (<paramref name="closing"/>) Alpaca composes the closing order, so only the class and tradability are ours to check.
    /// </summary>
    public static IReadOnlyList<AssetVerdict> Evaluate(OrderTicket order, TradableAsset? asset, IReadOnlyList<AssetClass> allowed, bool closing = false)
    {
        if (asset is null)
        {
            return [AssetVerdict.Failed(NotFound, new OrderInvalidError("symbol", $"Alpaca lists no asset {order.Symbol}.", Rule: NotFound, Actual: order.Symbol), null, order.Symbol)];
        }

        var verdicts = new List<AssetVerdict> { AssetVerdict.Pass(NotFound, asset.Symbol) };
        if (!allowed.Contains(asset.Class))
        {
            verdicts.Add(AssetVerdict.Failed(AssetClassNotAllowed, new AssetClassNotAllowedError(asset.Class, allowed),
                string.Join(",", allowed.Select(c => c.ToString().ToConstantCase())), asset.Class.ToString().ToConstantCase()));
            return verdicts;
        }

        verdicts.Add(AssetVerdict.Pass(AssetClassNotAllowed, asset.Class.ToString().ToConstantCase()));
        void Judge(bool passed, string field, string rule, string message, object? limit = null, object? actual = null) =>
            verdicts.Add(passed
                ? AssetVerdict.Pass(rule, GuardrailPolicy.Text(actual), GuardrailPolicy.Text(limit))
                : AssetVerdict.Failed(rule, new OrderInvalidError(field, message, Rule: rule, Limit: GuardrailPolicy.Text(limit), Actual: GuardrailPolicy.Text(actual)), GuardrailPolicy.Text(limit), GuardrailPolicy.Text(actual)));

        Judge(asset.Tradable, "symbol", NotTradable, $"{asset.Symbol} is not tradable at Alpaca now.", actual: asset.Symbol);
        if (!asset.Tradable || closing)
        {
            return verdicts;
        }

        switch (asset.Class)
        {
            case AssetClass.Crypto:
                Crypto(order, asset, Judge);
                break;
            case AssetClass.UsOption:
                Option(order, asset, Judge);
                break;
            default:
                var fractional = order.Notional is not null || order.Qty is { } q && q % 1 != 0;
                if (fractional)
                {
                    Judge(asset.Fractionable, order.Notional is null ? "qty" : "notional", NotFractionable, $"{asset.Symbol} trades in whole shares only.",
                        actual: order.Qty ?? order.Notional);
                }

                break;
        }

        return verdicts;
    }

    /// <summary>Crypto takes GTC or IOC, market, limit and stop-limit orders, in the asset's own size steps (more-facts 3.3).</summary>
    private static void Crypto(OrderTicket order, TradableAsset asset, Action<bool, string, string, string, object?, object?> judge)
    {
        judge(order.TimeInForce is TimeInForce.Gtc or TimeInForce.Ioc, "timeInForce", TimeInForceForClass, "Crypto orders take GTC or IOC.",
            "GTC,IOC", order.TimeInForce.ToString().ToConstantCase());
        judge(order.Type is OrderType.Market or OrderType.Limit or OrderType.StopLimit, "type", OrderTypeForClass,
            "Crypto orders are MARKET, LIMIT or STOP_LIMIT.", "MARKET,LIMIT,STOP_LIMIT", order.Type.ToString().ToConstantCase());
        judge(order.OrderClass == OrderClass.Simple && !order.ExtendedHours, order.ExtendedHours ? "extendedHours" : "orderClass",
            order.ExtendedHours ? ExtendedHoursForClass : OrderClassForClass, "Crypto orders are SIMPLE orders and trade around the clock (no extendedHours).", null, null);

        if (order.Qty is { } qty)
        {
            if (asset.MinOrderSize is { } min)
            {
                judge(qty >= min, "qty", BelowMinOrderSize, $"The smallest {asset.Symbol} order is {GuardrailPolicy.Text(min)}.", min, qty);
            }

            if (asset.MinTradeIncrement is > 0 and var step)
            {
                judge(qty % step == 0, "qty", QtyIncrement, $"{asset.Symbol} quantities go in steps of {GuardrailPolicy.Text(step)}.", step, qty);
            }
        }

        if (asset.PriceIncrement is > 0 and var tick)
        {
            foreach (var (field, price) in new[] { ("limitPrice", order.LimitPrice), ("stopPrice", order.StopPrice) })
            {
                if (price is { } p)
                {
                    judge(p % tick == 0, field, PriceIncrement, $"{asset.Symbol} prices go in steps of {GuardrailPolicy.Text(tick)}.", tick, p);
                }
            }
        }
    }

    /// <summary>Options: whole contracts, no notional, DAY, market or limit, regular hours (more-facts 3.4).</summary>
    private static void Option(OrderTicket order, TradableAsset asset, Action<bool, string, string, string, object?, object?> judge)
    {
        judge(asset.Multiplier is > 0, "symbol", NonStandardContract,
            "Alpaca gives no multiplier for this contract, so its value cannot be known; it is not traded here.", null, asset.Symbol);
        if (order.Notional is not null)
        {
            judge(false, "notional", NotionalForClass, "Option orders take a number of contracts (qty), not a notional.", null, order.Notional);
        }
        else if (order.Qty is { } qty)
        {
            judge(qty % 1 == 0, "qty", WholeContracts, "Option orders are for whole contracts.", null, qty);
        }

        judge(order.TimeInForce == TimeInForce.Day, "timeInForce", TimeInForceForClass, "Option orders take DAY.", "DAY", order.TimeInForce.ToString().ToConstantCase());
        judge(order.Type is OrderType.Market or OrderType.Limit, "type", OrderTypeForClass, "Option orders are MARKET or LIMIT.", "MARKET,LIMIT",
            order.Type.ToString().ToConstantCase());
        judge(order.OrderClass == OrderClass.Simple && !order.ExtendedHours, order.ExtendedHours ? "extendedHours" : "orderClass",
            order.ExtendedHours ? ExtendedHoursForClass : OrderClassForClass, "Option orders are SIMPLE orders in regular hours.", null, null);
    }
}

/// <summary>One asset rule's verdict on an order: passed, or the error <c>placeOrder</c> answers with.</summary>
internal sealed record AssetVerdict(string Rule, bool Passed, string? Limit, string? Actual, PayloadError? Error)
{
    public static AssetVerdict Pass(string rule, string? actual = null, string? limit = null) => new(rule, true, limit, actual, null);

    public static AssetVerdict Failed(string rule, PayloadError error, string? limit, string? actual) => new(rule, false, limit, actual, error);
}
