using System.Text.Json;
using AlpacaConnect.Sandbox.Matching;
using AlpacaConnect.Sandbox.Wire;

namespace AlpacaConnect.Sandbox.MarketData;

/// <summary>Latest stock quote and trade, single and multi-symbol. Prices and sizes here are JSON numbers, unlike
/// the Trading API (market-data reference). Only equities answer: crypto and option symbols are unknown here, as
/// they have their own paths (<see cref="OptionAndCryptoQuoteEndpoints"/>).</summary>
internal static class MarketDataEndpoints
{
    internal static readonly JsonSerializerOptions Numbers = new();

    public static void MapMarketData(this IEndpointRouteBuilder stocks)
    {
        stocks.MapGet("/{symbol}/quotes/latest", (string symbol, AssetCatalog assets, PriceFeed prices) =>
            One(symbol, assets, a => Results.Json(new Dictionary<string, object> { ["symbol"] = a.Symbol, ["quote"] = Quote(prices.Quote(a)) }, Numbers)));
        stocks.MapGet("/{symbol}/trades/latest", (string symbol, AssetCatalog assets, PriceFeed prices) =>
            One(symbol, assets, a => Results.Json(new Dictionary<string, object> { ["symbol"] = a.Symbol, ["trade"] = Trade(prices.Quote(a)) }, Numbers)));
        stocks.MapGet("/quotes/latest", (HttpRequest request, AssetCatalog assets, PriceFeed prices) =>
            Many(request, assets, "quotes", a => Quote(prices.Quote(a))));
        stocks.MapGet("/trades/latest", (HttpRequest request, AssetCatalog assets, PriceFeed prices) =>
            Many(request, assets, "trades", a => Trade(prices.Quote(a))));
    }

    private static IResult One(string symbol, AssetCatalog assets, Func<SandboxAsset, IResult> answer) =>
        Equity(assets, AssetCatalog.FromPath(symbol)) is { } asset ? answer(asset) : AlpacaError.Result(404, AlpacaError.NotFound, "symbol not found");

    private static SandboxAsset? Equity(AssetCatalog assets, string symbol) =>
        assets.Find(symbol) is { Class: SandboxAssetClasses.UsEquity } asset ? asset : null;

    private static IResult Many(HttpRequest request, AssetCatalog assets, string key, Func<SandboxAsset, object> item)
    {
        if (Symbols(request) is not { } symbols)
        {
            return SymbolsRequired();
        }

        var found = symbols.Select(s => Equity(assets, s)).OfType<SandboxAsset>().DistinctBy(a => a.Symbol).ToDictionary(a => a.Symbol, item);
        return Results.Json(new Dictionary<string, object> { [key] = found }, Numbers);
    }

    internal static string[]? Symbols(HttpRequest request) =>
        request.Query["symbols"].FirstOrDefault()?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) is { Length: > 0 } symbols
            ? symbols
            : null;

    internal static IResult SymbolsRequired() => AlpacaError.Result(400, 40010000, "symbols is required");

    private static Dictionary<string, object> Quote(SandboxQuote q) => new()
    {
        ["t"] = SandboxJson.Timestamp(q.At), ["ax"] = "V", ["ap"] = q.Ask, ["as"] = 1, ["bx"] = "V", ["bp"] = q.Bid, ["bs"] = 1,
        ["c"] = new[] { "R" }, ["z"] = "C",
    };

    private static Dictionary<string, object> Trade(SandboxQuote q) => new()
    {
        ["t"] = SandboxJson.Timestamp(q.At), ["x"] = "V", ["p"] = q.Last, ["s"] = 100, ["c"] = new[] { "@" }, ["i"] = 1, ["z"] = "C",
    };
}
