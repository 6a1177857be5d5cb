using System.Text.Json;
using AlpacaConnect.Sandbox.Matching;
using AlpacaConnect.Sandbox.Wire;
using Microsoft.Extensions.Options;

namespace AlpacaConnect.Sandbox.Trading;

/// <summary>Order writes: <c>POST /v2/orders</c> (200, not 201), <c>PATCH</c> (replace), <c>DELETE</c> (204 / 207).</summary>
internal static class OrderEndpoints
{
    public static void MapOrderWrites(this IEndpointRouteBuilder v2)
    {
        v2.MapPost("/orders", PlaceAsync);
        v2.MapPatch("/orders/{orderId}", ReplaceAsync);
        v2.MapDelete("/orders/{orderId}", Cancel);
        v2.MapDelete("/orders", CancelAll);
    }

    private static async Task<IResult> PlaceAsync(
        HttpContext http, AssetCatalog assets, SandboxOrderPlacement placement, IOptions<SandboxOptions> options)
    {
        var caller = SandboxCaller.Of(http);
        var (request, error) = await NewOrderReader.ReadAsync(http.Request);
        if (request is null)
        {
            return error!;
        }

        var asset = request.Symbol is null ? null : assets.Find(request.Symbol);
        if (NewOrderValidator.Validate(request, asset, options.Value.Orders) is { } invalid)
        {
            return invalid;
        }

        var (order, refused) = placement.Place(caller.Account, request, asset!);
        return order is null ? refused! : OrderResults.Order(caller.Account, order, withLegs: true);
    }

    private static async Task<IResult> ReplaceAsync(string orderId, HttpContext http, SandboxOrderReplacement replacement)
    {
        var caller = SandboxCaller.Of(http);
        if (OrderLookup.Find(caller.Account, orderId, out var old) is { } missing)
        {
            return missing;
        }

        ReplaceOrderRequest patch;
        try
        {
            using var body = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted);
            var root = body.RootElement;
            patch = new ReplaceOrderRequest(
                JsonFields.Decimal(root, "qty"), JsonFields.String(root, "time_in_force"), JsonFields.Decimal(root, "limit_price"),
                JsonFields.Decimal(root, "stop_price"), JsonFields.Decimal(root, "trail"), JsonFields.String(root, "client_order_id"));
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return AlpacaError.Result(400, 40010000, "request body format is invalid");
        }
        catch (FormatException e)
        {
            return AlpacaError.Invalid(e.Message);
        }

        if ((NewOrderValidator.PriceProblem("limit_price", patch.LimitPrice) ?? NewOrderValidator.PriceProblem("stop_price", patch.StopPrice)) is { } price)
        {
            return price;
        }

        var (order, error) = replacement.Replace(caller.Account, old!, patch);
        return order is null ? error! : OrderResults.Order(caller.Account, order, withLegs: true);
    }

    private static IResult Cancel(string orderId, HttpContext http, SandboxOrderCancellation cancellation)
    {
        var account = SandboxCaller.Of(http).Account;
        if (OrderLookup.Find(account, orderId, out var order) is { } missing)
        {
            return missing;
        }

        lock (account.Sync)
        {
            return cancellation.Request(account, order!)
                ? Results.NoContent()
                : AlpacaError.Invalid($"order is not cancelable in status {order!.Status}");
        }
    }

    private static IResult CancelAll(HttpContext http, SandboxOrderCancellation cancellation)
    {
        var account = SandboxCaller.Of(http).Account;
        var canceled = cancellation.RequestAll(account);
        lock (account.Sync)
        {
            var results = canceled.Select(o => new { id = o.Id, status = 200, body = SandboxOrderWire.From(o, withLegs: false) }).ToList();
            return Results.Json(results, SandboxJson.Options, statusCode: 207);
        }
    }
}
