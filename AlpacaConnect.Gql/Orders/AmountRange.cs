namespace AlpacaConnect.Gql.Orders;

/// <summary>
/// The largest quantity, price or notional an order may carry, checked before any other rule: <c>decimal</c> tops out
/// near 7.9e28, so a qty and a limit price near it overflow the guardrails' qty × price (an unhandled exception, not an
/// answer). No real order comes near a billion shares or dollars a share; Alpaca refuses far smaller ones.
/// </summary>
internal static class AmountRange
{
    public const decimal Max = 1_000_000_000m;

    /// <summary>One error per amount above <see cref="Max"/>, named by its input field.</summary>
    public static IReadOnlyList<OrderInvalidError> Check(params (string Field, decimal? Value)[] amounts) =>
        amounts
            .Where(a => a.Value is { } v && Math.Abs(v) > Max)
            .Select(a => new OrderInvalidError(a.Field, $"{a.Field} must be at most {Max:#,0}.", Limit: Max.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();
}
