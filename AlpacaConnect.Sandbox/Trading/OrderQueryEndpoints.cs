using System.Globalization;
using AlpacaConnect.Sandbox.Wire;

namespace AlpacaConnect.Sandbox.Trading;

/// <summary>Order reads: the list with its filters, by id, and by client order id.</summary>
internal static class OrderQueryEndpoints
{
    public static void MapOrderReads(this IEndpointRouteBuilder v2)
    {
        v2.MapGet("/orders", List);
        v2.MapGet("/orders/{orderId}", Get);
        // The colon is literal (TRADING-SPEC); it is a different segment from /orders/{orderId}.
        v2.MapGet("/orders:by_client_order_id", GetByClientOrderId);
    }

    private static IResult List(HttpContext http)
    {
        var account = SandboxCaller.Of(http).Account;
        var q = http.Request.Query;
        var status = q["status"].FirstOrDefault() ?? "open";
        var limit = 50;
        if (status is not ("open" or "closed" or "all"))
        {
            return AlpacaError.Invalid("invalid status");
        }

        if (q["limit"].FirstOrDefault() is { } limitText && (!int.TryParse(limitText, out limit) || limit < 1 || limit > 500))
        {
            return AlpacaError.Invalid("limit must be between 1 and 500");
        }

        var direction = q["direction"].FirstOrDefault() ?? "desc";
        if (direction is not ("asc" or "desc"))
        {
            return AlpacaError.Invalid("invalid direction");
        }

        if (!TryTime(q["after"], out var after) || !TryTime(q["until"], out var until))
        {
            return AlpacaError.Invalid("invalid after or until");
        }

        var symbols = q["symbols"].FirstOrDefault()?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var side = q["side"].FirstOrDefault();
        var nested = q["nested"].FirstOrDefault() == "true";
        lock (account.Sync)
        {
            var orders = account.Orders
                .Where(o => status == "all" || SandboxOrderStatus.IsClosed(o.Status) == (status == "closed"))
                .Where(o => !nested || o.Parent is null)
                .Where(o => (after is null || o.SubmittedAt > after) && (until is null || o.SubmittedAt < until))
                .Where(o => symbols is null || symbols.Contains(o.Asset.Symbol))
                .Where(o => side is null || o.Side == side);
            // Orders is in creation order; Reverse keeps ties stable.
            var page = (direction == "asc" ? orders : orders.Reverse()).Take(limit).Select(o => SandboxOrderWire.From(o, nested)).ToList();
            return Results.Json(page, SandboxJson.Options);
        }
    }

    private static IResult Get(string orderId, HttpContext http)
    {
        var account = SandboxCaller.Of(http).Account;
        return OrderLookup.Find(account, orderId, out var order) ?? OrderResults.Order(account, order!, WantsLegs(http));
    }

    private static IResult GetByClientOrderId(HttpContext http)
    {
        var account = SandboxCaller.Of(http).Account;
        var clientOrderId = http.Request.Query["client_order_id"].FirstOrDefault();
        if (string.IsNullOrEmpty(clientOrderId))
        {
            return AlpacaError.Invalid("client_order_id is required");
        }

        SandboxOrder? order;
        lock (account.Sync)
        {
            order = account.OrdersByClientId.GetValueOrDefault(clientOrderId);
        }

        return order is null
            ? AlpacaError.Result(404, AlpacaError.NotFound, "order not found")
            : OrderResults.Order(account, order, WantsLegs(http));
    }

    private static bool WantsLegs(HttpContext http) => http.Request.Query["nested"].FirstOrDefault() == "true";

    private static bool TryTime(Microsoft.Extensions.Primitives.StringValues value, out DateTimeOffset? time)
    {
        time = null;
        if (value.FirstOrDefault() is not { } text)
        {
            return true;
        }

        var ok = DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed);
        time = parsed;
        return ok;
    }
}
