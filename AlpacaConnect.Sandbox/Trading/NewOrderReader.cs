using System.Text.Json;
using AlpacaConnect.Sandbox.Wire;

namespace AlpacaConnect.Sandbox.Trading;

internal static class NewOrderReader
{
    /// <summary>Parses the JSON body; on failure returns Alpaca's error result instead.</summary>
    public static async Task<(NewOrderRequest? Request, IResult? Error)> ReadAsync(HttpRequest http)
    {
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(http.Body, cancellationToken: http.HttpContext.RequestAborted);
        }
        catch (JsonException)
        {
            return (null, AlpacaError.Result(400, 40010000, "request body format is invalid"));
        }

        using (document)
        {
            var body = document.RootElement;
            if (body.ValueKind != JsonValueKind.Object)
            {
                return (null, AlpacaError.Result(400, 40010000, "request body format is invalid"));
            }

            try
            {
                var takeProfit = JsonFields.Object(body, "take_profit");
                var stopLoss = JsonFields.Object(body, "stop_loss");
                return (new NewOrderRequest
                {
                    Symbol = JsonFields.String(body, "symbol"),
                    Qty = JsonFields.Decimal(body, "qty"),
                    Notional = JsonFields.Decimal(body, "notional"),
                    Side = JsonFields.String(body, "side"),
                    Type = JsonFields.String(body, "type"),
                    TimeInForce = JsonFields.String(body, "time_in_force"),
                    LimitPrice = JsonFields.Decimal(body, "limit_price"),
                    StopPrice = JsonFields.Decimal(body, "stop_price"),
                    TrailPrice = JsonFields.Decimal(body, "trail_price"),
                    TrailPercent = JsonFields.Decimal(body, "trail_percent"),
                    ExtendedHours = JsonFields.Bool(body, "extended_hours"),
                    ClientOrderId = JsonFields.String(body, "client_order_id"),
                    OrderClass = JsonFields.String(body, "order_class") ?? "",
                    TakeProfitLimitPrice = takeProfit is { } tp ? JsonFields.Decimal(tp, "limit_price") : null,
                    StopLossStopPrice = stopLoss is { } sl ? JsonFields.Decimal(sl, "stop_price") : null,
                    StopLossLimitPrice = stopLoss is { } sll ? JsonFields.Decimal(sll, "limit_price") : null,
                    PositionIntent = JsonFields.String(body, "position_intent"),
                }, null);
            }
            catch (FormatException e)
            {
                return (null, AlpacaError.Invalid(e.Message));
            }
        }
    }
}
