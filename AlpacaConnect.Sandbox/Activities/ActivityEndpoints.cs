using AlpacaConnect.Sandbox.Trading;
using AlpacaConnect.Sandbox.Wire;

namespace AlpacaConnect.Sandbox.Activities;

/// <summary>
/// <c>GET /v2/account/activities/FILL</c> and <c>GET /v2/account/activities?activity_types=FILL</c>: the account's
/// executions, the only activities the simulator has. Paged by the last item's id (facts-more 2); a bare array.
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
        activityType.Equals("FILL", StringComparison.OrdinalIgnoreCase)
            ? Fills(http)
            // Alpaca's answer to a bad type (facts-more 2, a recorded response); other real types simply have no entries here.
            : IsKnownType(activityType) ? Results.Json(Array.Empty<object>(), SandboxJson.Options)
            : AlpacaError.Invalid($"invalid activity type: {activityType}");

    private static IResult All(HttpContext http)
    {
        var types = http.Request.Query["activity_types"].FirstOrDefault()?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (types is not null && types.FirstOrDefault(t => !IsKnownType(t)) is { } bad)
        {
            return AlpacaError.Invalid($"invalid activity type: {bad}");
        }

        return types is null || types.Contains("FILL", StringComparer.OrdinalIgnoreCase)
            ? Fills(http)
            : Results.Json(Array.Empty<object>(), SandboxJson.Options);
    }

    private static IResult Fills(HttpContext http)
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
            IEnumerable<SandboxFillActivity> fills = direction == "asc" ? account.Fills : Enumerable.Reverse(account.Fills);
            fills = fills.Where(f => orderId is null || f.OrderId == orderId);
            if (token is not null)
            {
                // With asc the next page starts just after the token's activity, with desc just before it (facts-more 2).
                fills = fills.SkipWhile(f => f.Id != token).Skip(1);
            }

            return Results.Json(fills.Take(pageSize).Select(SandboxFillActivityWire.From).ToList(), SandboxJson.Options);
        }
    }

    private static bool IsKnownType(string type) => KnownTypes.Contains(type);

    /// <summary>SPEC-2026 <c>ActivityType</c> (facts-more 2).</summary>
    private static readonly HashSet<string> KnownTypes = new(
        ["FILL", "TRANS", "MISC", "ACATC", "ACATS", "CFEE", "CGD", "CSD", "CSW", "DIV", "DIVCGL", "DIVCGS", "DIVFEE", "DIVFT",
         "DIVNRA", "DIVROC", "DIVTW", "DIVTXEX", "FEE", "INT", "INTNRA", "INTTW", "JNL", "JNLC", "JNLS", "MA", "NC", "OPASN",
         "OPCA", "OPCSH", "OPEXC", "OPEXP", "OPTRD", "PTC", "PTR", "REORG", "SPIN", "SPLIT", "FOPT"],
        StringComparer.Ordinal);
}
