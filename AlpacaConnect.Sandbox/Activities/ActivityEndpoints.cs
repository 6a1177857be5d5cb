using AlpacaConnect.Sandbox.Accounts;
using AlpacaConnect.Sandbox.Trading;
using AlpacaConnect.Sandbox.Wire;

namespace AlpacaConnect.Sandbox.Activities;

/// <summary>
/// <c>GET /v2/account/activities</c> and <c>GET /v2/account/activities/{type}</c>: the account's executions (FILL) and
/// its non-trade activities, newest first by default. A bare array, paged by the last item's id (facts-more 2); ids
/// start with the New York time, so ordering by id is ordering by time.
/// </summary>
internal static class ActivityEndpoints
{
    private const int MaxPageSize = 100;

    public static void MapActivities(this IEndpointRouteBuilder v2)
    {
        v2.MapGet("/account/activities/{activityType}", ByType);
        v2.MapGet("/account/activities", All);
    }

    private static IResult ByType(string activityType, HttpContext http) =>
        // Alpaca's answer to a bad type (facts-more 2, a recorded response).
        ActivityTypes.Known.Contains(activityType) ? List(http, [activityType]) : AlpacaError.Invalid($"invalid activity type: {activityType}");

    private static IResult All(HttpContext http)
    {
        var q = http.Request.Query;
        var types = q["activity_types"].FirstOrDefault()?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (types is not null && types.FirstOrDefault(t => !ActivityTypes.Known.Contains(t)) is { } bad)
        {
            return AlpacaError.Invalid($"invalid activity type: {bad}");
        }

        var category = q["category"].FirstOrDefault();
        if (category is not null && (types is not null || category is not ("trade_activity" or "non_trade_activity")))
        {
            return AlpacaError.Invalid("invalid category");
        }

        return List(http, types ?? (category switch { "trade_activity" => ["FILL"], "non_trade_activity" => ["MISC", "TRANS", "DIV"], _ => null }));
    }

    private static IResult List(HttpContext http, IReadOnlyCollection<string>? types)
    {
        var account = SandboxCaller.Of(http).Account;
        var q = http.Request.Query;
        var direction = q["direction"].FirstOrDefault() ?? "desc";
        if (direction is not ("asc" or "desc"))
        {
            return AlpacaError.Invalid("invalid direction");
        }

        var pageSize = MaxPageSize;
        if (q["page_size"].FirstOrDefault() is { } sizeText && (!int.TryParse(sizeText, out pageSize) || pageSize < 1 || pageSize > MaxPageSize))
        {
            return AlpacaError.Invalid("page_size must be between 1 and 100");
        }

        Guid? orderId = null;
        if (q["order_id"].FirstOrDefault() is { } orderText)
        {
            if (!Guid.TryParse(orderText, out var parsed))
            {
                return AlpacaError.Invalid("invalid order_id");
            }

            orderId = parsed;
        }

        var token = q["page_token"].FirstOrDefault();
        lock (account.Sync)
        {
            var entries = Entries(account, types, orderId);
            IEnumerable<(string Id, object Wire)> ordered = direction == "asc" ? entries : Enumerable.Reverse(entries);
            if (token is not null)
            {
                // With asc the next page starts just after the token's activity, with desc just before it (facts-more 2).
                ordered = ordered.SkipWhile(e => e.Id != token).Skip(1);
            }

            return Results.Json(ordered.Take(pageSize).Select(e => e.Wire).ToList(), SandboxJson.Options);
        }
    }

    /// <summary>Oldest first. Call under the account's lock.</summary>
    private static List<(string Id, object Wire)> Entries(SandboxAccount account, IReadOnlyCollection<string>? types, Guid? orderId)
    {
        var fills = types is null || ActivityTypes.Matches("FILL", types)
            ? account.Fills.Where(f => orderId is null || f.OrderId == orderId).Select(f => (f.Id, (object)SandboxFillActivityWire.From(f)))
            : [];
        var others = orderId is null
            ? account.NonTradeActivities.Where(a => types is null || ActivityTypes.Matches(a.ActivityType, types))
                .Select(a => (a.Id, (object)SandboxNonTradeActivityWire.From(a)))
            : [];
        return [.. fills.Concat(others).OrderBy(e => e.Item1, StringComparer.Ordinal)];
    }
}
