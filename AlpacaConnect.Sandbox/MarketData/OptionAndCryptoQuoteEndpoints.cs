using System.Text.RegularExpressions;
using AlpacaConnect.Sandbox.Matching;
using AlpacaConnect.Sandbox.Wire;

namespace AlpacaConnect.Sandbox.MarketData;

/// <summary>
/// Latest option quotes (<c>/v1beta1/options/quotes/latest</c>) and crypto quotes
/// (<c>/v1beta3/crypto/us/latest/quotes</c>), both <c>{"quotes":{"SYM":Quote}}</c> per MD-SPEC-2026, priced from
/// the same <see cref="PriceFeed"/> as stocks so they move with ticks and <c>SetPrice</c>. A symbol the sandbox does
/// not know is left out of the map (whether Alpaca omits or nulls it is UNVERIFIED, facts-more 4.3).
/// </summary>
internal static partial class OptionAndCryptoQuoteEndpoints
{
    public static void MapOptionQuotes(this IEndpointRouteBuilder options) =>
        options.MapGet("/quotes/latest", (HttpRequest request, AssetCatalog assets, PriceFeed prices) =>
            Quotes(request, assets, prices, SandboxAssetClasses.UsOption, OptionQuote));

    public static void MapCryptoQuotes(this IEndpointRouteBuilder crypto) =>
        crypto.MapGet("/latest/quotes", (HttpRequest request, AssetCatalog assets, PriceFeed prices) =>
        {
            // The data host wants the slash form and refuses BTCUSD with this message (facts-more 3.3, alpaca-py#537);
            // its status is not documented, 400 is the spec's "invalid parameter".
            var symbols = MarketDataEndpoints.Symbols(request);
            if (symbols?.FirstOrDefault(s => !CryptoSymbol().IsMatch(s)) is { } bad)
            {
                return Results.Json(new { message = $"invalid symbol: {bad} does not match ^[A-Z]+/[A-Z]+$" }, statusCode: 400);
            }

            return Quotes(request, assets, prices, SandboxAssetClasses.Crypto, CryptoQuote);
        });

    private static IResult Quotes(
        HttpRequest request, AssetCatalog assets, PriceFeed prices, string assetClass, Func<SandboxQuote, Dictionary<string, object>> quote)
    {
        if (MarketDataEndpoints.Symbols(request) is not { } symbols)
        {
            return MarketDataEndpoints.SymbolsRequired();
        }

        var found = symbols.Select(assets.Find).OfType<SandboxAsset>().Where(a => a.Class == assetClass)
            .DistinctBy(a => a.Symbol).ToDictionary(a => a.Symbol, a => quote(prices.Quote(a)));
        return Results.Json(new Dictionary<string, object> { ["quotes"] = found }, MarketDataEndpoints.Numbers);
    }

    /// <summary>MD-SPEC-2026 <c>option_quote</c>: integer sizes, one condition string.</summary>
    private static Dictionary<string, object> OptionQuote(SandboxQuote q) => new()
    {
        ["t"] = SandboxJson.Timestamp(q.At), ["bx"] = "C", ["bp"] = q.Bid, ["bs"] = 10, ["ax"] = "C", ["ap"] = q.Ask, ["as"] = 10,
        ["c"] = "A",
    };

    /// <summary>MD-SPEC-2026 <c>crypto_quote</c>: fractional sizes, no exchange or condition fields.</summary>
    private static Dictionary<string, object> CryptoQuote(SandboxQuote q) => new()
    {
        ["t"] = SandboxJson.Timestamp(q.At), ["bp"] = q.Bid, ["bs"] = 0.5m, ["ap"] = q.Ask, ["as"] = 0.75m,
    };

    [GeneratedRegex("^[A-Z]+/[A-Z]+$")]
    private static partial Regex CryptoSymbol();
}
