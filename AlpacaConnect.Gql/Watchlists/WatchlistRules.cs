using System.Text.RegularExpressions;

namespace AlpacaConnect.Gql.Watchlists;

/// <summary>
/// What is checked before Alpaca is called: names of 1–64 characters (facts-more 5) without control characters, and
/// symbols of the shapes Alpaca uses (a symbol becomes a path segment of the remove call, so nothing else passes).
/// Alpaca's own limits on lists are UNVERIFIED; <see cref="MaxSymbols"/> bounds one request's body.
/// </summary>
internal static partial class WatchlistRules
{
    public const int MaxNameLength = 64;
    public const int MaxSymbols = 200;

    public static WatchlistInputError? Name(string name) =>
        name.Trim().Length is 0 or > MaxNameLength || name.Any(char.IsControl)
            ? new WatchlistInputError("name", $"name must be 1 to {MaxNameLength} characters, without control characters.")
            : null;

    public static WatchlistInputError? Symbol(string symbol, string field = "symbol") =>
        Shape().IsMatch(Normalize(symbol)) ? null
            : new WatchlistInputError(field, "symbol must be a ticker (AAPL, BRK.B), a crypto pair (BTC/USD) or an OCC option symbol.");

    public static WatchlistInputError? Symbols(IReadOnlyList<string> symbols) =>
        symbols.Count > MaxSymbols ? new WatchlistInputError("symbols", $"At most {MaxSymbols} symbols at once.")
            : symbols.Select(s => Symbol(s, "symbols")).FirstOrDefault(e => e is not null);

    public static WatchlistInputError? Id(string id, out Guid guid) =>
        Guid.TryParse(id, out guid) ? null : new WatchlistInputError("watchlistId", "watchlistId is a watchlist's id.");

    public static string Normalize(string symbol) => symbol.Trim().ToUpperInvariant();

    [GeneratedRegex(
        @"^(?:[A-Z][A-Z0-9]{0,9}(?:[.\-][A-Z0-9]{1,5})?|[A-Z0-9]{1,10}/[A-Z0-9]{2,5}|[A-Z]{1,6}[0-9]{6}[CP][0-9]{8})$",
        RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex Shape();
}
