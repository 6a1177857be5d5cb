using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace AlpacaConnect.Gql.Orders;

/// <summary>
/// SHA-256 of the order's normalized input (everything but the key): "10" and "10.00" shares, "aapl" and "AAPL" are
/// the same order, so a retry that formats a number differently is still recognised as the same request.
/// </summary>
internal static class RequestFingerprint
{
    public static string Of(PlaceOrderInput input)
    {
        var canonical = string.Join('|',
            input.NormalizedSymbol, input.Side, input.Type, input.TimeInForce, input.OrderClass,
            Number(input.Qty), Number(input.Notional), Number(input.LimitPrice), Number(input.StopPrice),
            Number(input.TrailPrice), Number(input.TrailPercent), input.ExtendedHours ? "eh" : "rh",
            Number(input.TakeProfit?.LimitPrice), Number(input.StopLoss?.StopPrice), Number(input.StopLoss?.LimitPrice));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    /// <summary>A replace: the order it replaces and the changes, so one key cannot stand for two different replaces.</summary>
    public static string Of(ReplaceOrderInput input, Guid orderId)
    {
        var canonical = string.Join('|',
            "replace", orderId.ToString("N"), Number(input.Qty), Number(input.LimitPrice), Number(input.StopPrice),
            Number(input.Trail), input.TimeInForce?.ToString() ?? "-");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    /// <summary>A position close: the symbol and how much of it.</summary>
    public static string Of(ClosePositionInput input)
    {
        var canonical = string.Join('|', "close", input.NormalizedSymbol, Number(input.Qty), Number(input.Percentage));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    /// <summary>"G29" drops trailing zeros, so equal decimals print alike.</summary>
    private static string Number(decimal? value) => value?.ToString("G29", CultureInfo.InvariantCulture) ?? "-";
}
