using AlpacaConnect.Gql.Sandbox.Matching;
using AlpacaConnect.Gql.Sandbox.Wire;
using Microsoft.Extensions.Options;

namespace AlpacaConnect.Gql.Sandbox.Trading;

/// <summary><c>GET /v2/account</c>, <c>GET /v2/clock</c> and <c>GET /v2/assets/{symbol}</c>.</summary>
internal static class AccountEndpoints
{
    public static void MapAccountReads(this IEndpointRouteBuilder v2)
    {
        v2.MapGet("/account", Account);
        v2.MapGet("/clock", Clock);
        v2.MapGet("/assets/{symbol}", Asset);
    }

    private static IResult Account(HttpContext http, PriceFeed prices, TimeProvider time, IOptions<SandboxOptions> options)
    {
        var account = SandboxCaller.Of(http).Account;
        var today = DateOnly.FromDateTime(MarketCalendar.ToNewYork(time.GetUtcNow()).DateTime);
        lock (account.Sync)
        {
            return Results.Json(AccountWire.From(account, prices, options.Value.StartingCash, today), SandboxJson.Options);
        }
    }

    /// <summary>Timestamps carry the New York offset, not <c>Z</c> (OLD-SPEC clock example).</summary>
    private static IResult Clock(MarketCalendar calendar, TimeProvider time)
    {
        var now = time.GetUtcNow();
        return Results.Json(new
        {
            timestamp = Eastern(now, "yyyy-MM-dd'T'HH:mm:ss.fffffffzzz"),
            is_open = calendar.IsOpen(now),
            next_open = Eastern(calendar.NextOpen(now), "yyyy-MM-dd'T'HH:mm:sszzz"),
            next_close = Eastern(calendar.NextClose(now), "yyyy-MM-dd'T'HH:mm:sszzz"),
        }, SandboxJson.Options);
    }

    private static IResult Asset(string symbol, AssetCatalog assets) =>
        assets.Find(symbol) is { } asset
            ? Results.Json(AssetWire.From(asset), SandboxJson.Options)
            : AlpacaError.Result(404, AlpacaError.NotFound, "asset not found");

    private static string Eastern(DateTimeOffset at, string format) =>
        MarketCalendar.ToNewYork(at).ToString(format, System.Globalization.CultureInfo.InvariantCulture);
}
