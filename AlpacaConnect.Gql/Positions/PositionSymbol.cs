namespace AlpacaConnect.Gql.Positions;

/// <summary>
/// Matching the symbol a client asks for with the one Alpaca lists: case-insensitive, and a crypto pair written
/// with a slash (<c>BTC/USD</c>, as orders take it) matches the position's <c>BTCUSD</c>.
/// </summary>
internal static class PositionSymbol
{
    public static bool Matches(string held, string asked) =>
        string.Equals(Normalize(held), Normalize(asked), StringComparison.OrdinalIgnoreCase);

    public static string Normalize(string symbol) => symbol.Trim().Replace("/", "", StringComparison.Ordinal);
}
