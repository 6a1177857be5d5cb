using System.Globalization;
using AlpacaConnect.Gql.Alpaca.Models;

namespace AlpacaConnect.Gql.Alpaca.Wire;

/// <summary>Public request models to wire bodies and query values.</summary>
internal static class RequestMapping
{
    public static NewOrderWire ToWire(this AlpacaNewOrder order) => new()
    {
        Symbol = order.Symbol,
        Side = WireEnum<AlpacaOrderSide>.Format(order.Side),
        Type = WireEnum<AlpacaOrderType>.Format(order.Type),
        TimeInForce = WireEnum<AlpacaTimeInForce>.Format(order.TimeInForce),
        ClientOrderId = order.ClientOrderId,
        Qty = order.Qty,
        Notional = order.Notional,
        LimitPrice = order.LimitPrice,
        StopPrice = order.StopPrice,
        TrailPrice = order.TrailPrice,
        TrailPercent = order.TrailPercent,
        ExtendedHours = order.ExtendedHours,
        OrderClass = order.OrderClass is { } orderClass ? WireEnum<AlpacaOrderClass>.Format(orderClass) : null,
        TakeProfit = order.TakeProfit is { } takeProfit ? new TakeProfitWire { LimitPrice = takeProfit.LimitPrice } : null,
        StopLoss = order.StopLoss is { } stopLoss ? new StopLossWire { StopPrice = stopLoss.StopPrice, LimitPrice = stopLoss.LimitPrice } : null,
    };

    public static ReplaceOrderWire ToWire(this AlpacaReplaceOrder replace) => new()
    {
        Qty = replace.Qty,
        TimeInForce = replace.TimeInForce is { } tif ? WireEnum<AlpacaTimeInForce>.Format(tif) : null,
        LimitPrice = replace.LimitPrice,
        StopPrice = replace.StopPrice,
        Trail = replace.Trail,
        ClientOrderId = replace.ClientOrderId,
    };

    public static string? Query(decimal? value) => value?.ToString(CultureInfo.InvariantCulture);

    public static string? Query(bool? value) => value switch { true => "true", false => "false", null => null };

    public static string? Query(DateTimeOffset? value) =>
        value?.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    public static string? Query<T>(T? value)
        where T : struct, Enum => value is { } v ? WireEnum<T>.Format(v) : null;

    public static string? Query(IReadOnlyList<string>? values) => values is { Count: > 0 } ? string.Join(',', values) : null;
}
