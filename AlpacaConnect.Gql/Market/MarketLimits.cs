using AlpacaConnect.Gql.GraphQL.Errors;
using AlpacaConnect.Gql.Trading;
using AlpacaConnect.Gql.Trading.Assets;

namespace AlpacaConnect.Gql.Market;

/// <summary>
/// The bounds of the ticket's arguments, checked before anything reaches a URL: a bad value is a <c>BAD_USER_INPUT</c>
/// error naming the argument, never an upstream call.
/// </summary>
internal static class MarketLimits
{
    public const int MaxQuoteSymbols = 50;
    public const int MaxSymbolLength = SymbolShape.MaxLength;
    public const int MaxSearchLength = 32;
    public const int DefaultSearchPage = 20;
    public const int MaxSearchPage = 50;
    public const int DefaultBars = 200;
    public const int MaxBars = 1000;

    /// <summary>The symbol upper-cased and trimmed, or the error: any Alpaca shape for assets, stocks and crypto pairs for market data.</summary>
    public static string Symbol(string? symbol, string argument, bool marketData)
    {
        var normalized = symbol?.Trim().ToUpperInvariant() ?? "";
        if (normalized.Length is 0 or > MaxSymbolLength || !SymbolShape.IsValid(normalized) || (marketData && Guid.TryParse(normalized, out _)))
        {
            throw Bad(argument, $"`{argument}`: {SymbolShape.Description}");
        }

        if (marketData && AssetDirectory.IsOptionSymbol(normalized))
        {
            throw Bad(argument, $"`{argument}`: option contracts have no quotes or bars here yet; ask for a stock or a crypto pair.");
        }

        return normalized;
    }

    /// <summary>Distinct symbols in the order asked, 1 to <see cref="MaxQuoteSymbols"/>.</summary>
    public static IReadOnlyList<string> QuoteSymbols(IReadOnlyList<string>? symbols)
    {
        if (symbols is null || symbols.Count is 0 or > MaxQuoteSymbols)
        {
            throw Bad("symbols", $"`symbols` takes 1 to {MaxQuoteSymbols} symbols.");
        }

        return symbols.Select(s => Symbol(s, "symbols", marketData: true)).Distinct(StringComparer.Ordinal).ToList();
    }

    public static string Search(string? search)
    {
        var trimmed = search?.Trim() ?? "";
        return trimmed.Length is 0 or > MaxSearchLength
            ? throw Bad("search", $"`search` must be 1 to {MaxSearchLength} characters.")
            : trimmed;
    }

    public static int First(int? first, int fallback, int max) =>
        first is null ? fallback
        : first is < 1 || first > max ? throw Bad("first", $"`first` must be 1 to {max}.")
        : first.Value;

    public static ApiException Bad(string argument, string message) =>
        new(ErrorCodes.BadUserInput, message, new Dictionary<string, object?> { ["argument"] = argument });
}
