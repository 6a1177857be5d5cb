namespace AlpacaConnect.Gql.Orders;

/// <summary>
/// SQLite stores decimals as text and reads "2" back as 2.0; dropping trailing zeros shows the app the value it sent
/// ("2", "185.5") and keeps the guardrails' "actual" figures clean.
/// </summary>
internal static class DecimalScale
{
    // Dividing by 1 with the largest scale decimal allows gives the result its smallest exact scale.
    public static decimal Trim(decimal value) => value / 1.0000000000000000000000000000m;

    public static decimal? Trim(decimal? value) => value is { } v ? Trim(v) : null;
}
