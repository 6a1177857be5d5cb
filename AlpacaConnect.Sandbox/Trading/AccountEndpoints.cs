using AlpacaConnect.Sandbox.Matching;
using AlpacaConnect.Sandbox.Wire;
using Microsoft.Extensions.Options;

namespace AlpacaConnect.Sandbox.Trading;

/// <summary><c>GET /v2/account</c>, <c>GET /v2/clock</c>, <c>GET /v2/assets</c>, <c>GET /v2/assets/{symbol}</c> and <c>GET /v2/options/contracts/{symbol_or_id}</c>.</summary>
internal static class AccountEndpoints
{
    public static void MapAccountReads(this IEndpointRouteBuilder v2)
    {
        v2.MapGet("/account", Account);
        v2.MapGet("/clock", Clock);
        v2.MapGet("/assets", Assets);
        v2.MapGet("/assets/{symbol}", Asset);
        v2.MapGet("/options/contracts/{symbolOrId}", OptionContract);
    }

    private static IResult Account(HttpContext http, PriceFeed prices, TimeProvider time, IOptions<SandboxOptions> options)
    {
        var account = SandboxCaller.Of(http).Account;
        var today = DateOnly.FromDateTime(MarketCalendar.ToNewYork(time.GetUtcNow()).DateTime);
        lock (account.Sync)
        {
            return Results.Json(SandboxAccountWire.From(account, prices, options.Value.StartingCash, today), SandboxJson.Options);
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

    /// <summary>
    /// The whole list in one bare array, sorted by class, exchange and symbol, no paging (SPEC-2026 <c>get-v2-assets</c>,
    /// facts-more 3.1). <c>asset_class</c> defaults to <c>us_equity</c>; <c>status</c> to every status. Options are listed
    /// only where <c>/v2/assets/{symbol}</c> answers them (unverified either way).
    /// </summary>
    private static IResult Assets(HttpRequest request, AssetCatalog assets, IOptions<SandboxOptions> options)
    {
        var status = request.Query["status"].FirstOrDefault();
        var assetClass = request.Query["asset_class"].FirstOrDefault() ?? SandboxAssetClasses.UsEquity;
        var exchange = request.Query["exchange"].FirstOrDefault();
        var listed = assets.Listed
            .Where(a => a.Class == assetClass && (!a.IsOption || options.Value.Assets.OptionsOnAssetsEndpoint))
            .Where(a => string.IsNullOrEmpty(status) || a.Status == status)
            .Where(a => string.IsNullOrEmpty(exchange) || a.Exchange == exchange)
            .OrderBy(a => a.Class, StringComparer.Ordinal).ThenBy(a => a.Exchange, StringComparer.Ordinal).ThenBy(a => a.Symbol, StringComparer.Ordinal)
            .Select(SandboxAssetWire.From);
        return Results.Json(listed, SandboxJson.Options);
    }

    /// <summary>Crypto answers as <c>BTC%2FUSD</c> or <c>BTCUSD</c> (facts-more 3.2); options only when configured.</summary>
    private static IResult Asset(string symbol, AssetCatalog assets, IOptions<SandboxOptions> options) =>
        assets.Find(AssetCatalog.FromPath(symbol)) is { } asset && (!asset.IsOption || options.Value.Assets.OptionsOnAssetsEndpoint)
            ? Results.Json(SandboxAssetWire.From(asset), SandboxJson.Options)
            : AlpacaError.Result(404, AlpacaError.NotFound, "asset not found");

    // The 404 body is UNVERIFIED; it follows the other not-found answers.
    private static IResult OptionContract(string symbolOrId, AssetCatalog assets) =>
        assets.Find(AssetCatalog.FromPath(symbolOrId)) is { IsOption: true } contract
            ? Results.Json(SandboxOptionContractWire.From(contract), SandboxJson.Options)
            : AlpacaError.Result(404, AlpacaError.NotFound, "option contract not found");

    private static string Eastern(DateTimeOffset at, string format) =>
        MarketCalendar.ToNewYork(at).ToString(format, System.Globalization.CultureInfo.InvariantCulture);
}
