using System.Globalization;
using System.Text;
using AlpacaConnect.Sandbox.Matching;
using AlpacaConnect.Sandbox.Wire;

namespace AlpacaConnect.Sandbox.MarketData;

/// <summary>
/// Stock snapshots (<c>GET /v2/stocks/snapshots</c>: the symbol map at the top level, no wrapper), crypto snapshots
/// (<c>GET /v1beta3/crypto/us/snapshots</c>: wrapped in <c>"snapshots"</c>) and one stock's historical bars
/// (<c>GET /v2/stocks/{symbol}/bars</c>), per facts-more 4.4–4.6. Latest trade and quote come from the
/// <see cref="PriceFeed"/>; bars are <see cref="SyntheticBars"/>, the bar in progress ending at the last trade.
/// Unknown symbols are left out of snapshots and have no bars (Alpaca's multi-symbol answer for them is
/// <c>{"bars":{}}</c>; the single-symbol answer is UNVERIFIED).
/// </summary>
internal static class SnapshotAndBarEndpoints
{
    private const int InvalidParameter = 42210000;
    private const int DefaultLimit = 1000;
    private const int MaxLimit = 10_000;

    public static void MapStockSnapshotsAndBars(this IEndpointRouteBuilder stocks)
    {
        stocks.MapGet("/snapshots", (HttpRequest request, AssetCatalog assets, PriceFeed prices, TimeProvider time) =>
            MarketDataEndpoints.Symbols(request) is { } symbols
                ? Results.Json(Snapshots(symbols, assets, SandboxAssetClasses.UsEquity, prices, time), MarketDataEndpoints.Numbers)
                : MarketDataEndpoints.SymbolsRequired());
        stocks.MapGet("/{symbol}/bars", Bars);
    }

    public static void MapCryptoSnapshots(this IEndpointRouteBuilder crypto) =>
        crypto.MapGet("/snapshots", (HttpRequest request, AssetCatalog assets, PriceFeed prices, TimeProvider time) =>
            MarketDataEndpoints.Symbols(request) is { } symbols
                ? Results.Json(new Dictionary<string, object> { ["snapshots"] = Snapshots(symbols, assets, SandboxAssetClasses.Crypto, prices, time) },
                    MarketDataEndpoints.Numbers)
                : MarketDataEndpoints.SymbolsRequired());

    private static Dictionary<string, object> Snapshots(
        IEnumerable<string> symbols, AssetCatalog assets, string assetClass, PriceFeed prices, TimeProvider time)
    {
        var now = time.GetUtcNow();
        return symbols.Select(assets.Find).OfType<SandboxAsset>().Where(a => a.Class == assetClass && a.Status == "active")
            .DistinctBy(a => a.Symbol).ToDictionary(a => a.Symbol, a => (object)Snapshot(a, prices.Quote(a), now));
    }

    private static Dictionary<string, object> Snapshot(SandboxAsset asset, SandboxQuote quote, DateTimeOffset now)
    {
        var day = TimeSpan.FromDays(1);
        return new Dictionary<string, object>
        {
            ["latestTrade"] = asset.IsCrypto
                ? new Dictionary<string, object> { ["t"] = SandboxJson.Timestamp(quote.At), ["p"] = quote.Last, ["s"] = 0.01m, ["i"] = 1, ["tks"] = "B" }
                : new Dictionary<string, object>
                {
                    ["t"] = SandboxJson.Timestamp(quote.At), ["x"] = "V", ["p"] = quote.Last, ["s"] = 100, ["c"] = new[] { "@" }, ["i"] = 1, ["z"] = "C",
                },
            ["latestQuote"] = asset.IsCrypto
                ? new Dictionary<string, object>
                {
                    ["t"] = SandboxJson.Timestamp(quote.At), ["bp"] = quote.Bid, ["bs"] = 0.5m, ["ap"] = quote.Ask, ["as"] = 0.75m,
                }
                : new Dictionary<string, object>
                {
                    ["t"] = SandboxJson.Timestamp(quote.At), ["bx"] = "V", ["bp"] = quote.Bid, ["bs"] = 100, ["ax"] = "V", ["ap"] = quote.Ask,
                    ["as"] = 200, ["c"] = new[] { "R" }, ["z"] = "C",
                },
            ["minuteBar"] = SyntheticBars.Bar(asset, SyntheticBars.MinuteStart(now), TimeSpan.FromMinutes(1), quote.Last),
            ["dailyBar"] = SyntheticBars.Bar(asset, SyntheticBars.DayStart(asset, now, 0), day, quote.Last),
            ["prevDailyBar"] = SyntheticBars.Bar(asset, SyntheticBars.DayStart(asset, now, 1), day),
        };
    }

    /// <summary>
    /// <c>{"bars":[…],"symbol":…,"next_page_token":…}</c>. <c>start</c> defaults to the start of the New York day and
    /// <c>end</c> to now (both inclusive, RFC 3339 or a date); <c>limit</c> 1–10000, default 1000; the page token is the
    /// next bar's start, opaque base64. Bad parameters answer 422 with Alpaca's invalid-parameter code (Alpaca-API#178).
    /// </summary>
    private static IResult Bars(string symbol, HttpRequest request, AssetCatalog assets, TimeProvider time)
    {
        var query = request.Query;
        if (SyntheticBars.ParseTimeframe(query["timeframe"].FirstOrDefault()) is not { } length)
        {
            return Invalid("invalid timeframe");
        }

        var now = time.GetUtcNow();
        var today = MarketCalendar.ToNewYork(now).Date;
        var start = Instant(query["start"].FirstOrDefault(), new DateTimeOffset(today, MarketCalendar.NewYork.GetUtcOffset(today)));
        var end = Instant(query["end"].FirstOrDefault(), now);
        var limit = query["limit"].FirstOrDefault() is { } text ? (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var l) ? l : 0) : DefaultLimit;
        if (start is null || end is null)
        {
            return Invalid("invalid start or end");
        }

        if (end < start)
        {
            return Invalid("end should not be before start");
        }

        if (limit is < 1 or > MaxLimit)
        {
            return Invalid("invalid limit");
        }

        var from = start.Value;
        if (query["page_token"].FirstOrDefault() is { Length: > 0 } token)
        {
            if (FromToken(token) is not { } next)
            {
                return Invalid("invalid page token");
            }

            from = next;
        }

        var asset = assets.Find(AssetCatalog.FromPath(symbol)) is { Class: SandboxAssetClasses.UsEquity } found ? found : null;
        var until = end.Value < now ? end.Value : now;
        var starts = asset is null ? [] : SyntheticBars.Starts(asset, length, from, until).Take(limit + 1).ToList();
        var page = starts.Take(limit).Select(s => SyntheticBars.Bar(asset!, s, length)).ToList();
        return Results.Json(new Dictionary<string, object?>
        {
            ["bars"] = page,
            ["symbol"] = asset?.Symbol ?? AssetCatalog.FromPath(symbol),
            ["next_page_token"] = starts.Count > limit ? ToToken(starts[limit]) : null,
        }, MarketDataEndpoints.Numbers);
    }

    private static DateTimeOffset? Instant(string? text, DateTimeOffset fallback)
    {
        if (string.IsNullOrEmpty(text))
        {
            return fallback;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null;
    }

    private static string ToToken(DateTimeOffset next) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes("sbx|" + next.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)));

    private static DateTimeOffset? FromToken(string token)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(token));
            return text.StartsWith("sbx|", StringComparison.Ordinal)
                && long.TryParse(text[4..], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds < 253_402_300_799
                ? DateTimeOffset.FromUnixTimeSeconds(seconds)
                : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static IResult Invalid(string message) => AlpacaError.Result(422, InvalidParameter, message);
}
