using System.Text.RegularExpressions;

namespace AlpacaConnect.Gql.Trading;

/// <summary>
/// The symbol shapes Alpaca uses: equity tickers (AAPL, BRK.B, BTC-PERP, and position symbols such as BTCUSD), crypto
/// pairs (BTC/USD), OCC option symbols (AAPL250117C00150000) and asset ids. A symbol becomes a URL path segment
/// (<c>/v2/positions/{symbol}</c>): ".", ".." or "?" there would address another resource, such as the whole positions
/// list, so anything else is refused before a URL is built.
/// </summary>
internal static partial class SymbolShape
{
    public static bool IsValid(string normalized) => Shape().IsMatch(normalized);

    /// <summary>The longest symbol any argument takes, checked before the shape.</summary>
    public const int MaxLength = 32;

    public const string Description = "symbol must be a ticker (AAPL, BRK.B), a crypto pair (BTC/USD) or an OCC option symbol.";

    [GeneratedRegex(
        @"^(?:[A-Z][A-Z0-9]{0,9}(?:[.\-][A-Z0-9]{1,5})?|[A-Z0-9]{1,10}/[A-Z0-9]{2,5}|[A-Z]{1,6}[0-9]{6}[CP][0-9]{8}|[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12})$",
        RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex Shape();
}
