namespace AlpacaConnect.Gql.Orders.Pipeline;

/// <summary>
/// What a command adds to its day's usage: usually one order and its value; a replacement moves the value of the order
/// it replaces (same day) to itself, so a replaced order and its replacement count once.
/// </summary>
internal readonly record struct Reservation(string Day, int Count, long NotionalMicros)
{
    private const decimal MicrosPerDollar = 1_000_000m;

    /// <summary>Rounded up, so what is reserved is never less than what was checked. Callers bound the value first.</summary>
    public static long ToMicros(decimal dollars) => (long)decimal.Ceiling(dollars * MicrosPerDollar);

    public static decimal ToDollars(long micros) => micros / MicrosPerDollar;
}
