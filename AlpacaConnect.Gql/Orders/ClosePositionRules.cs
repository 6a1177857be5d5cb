using AlpacaConnect.Gql.Trading;

namespace AlpacaConnect.Gql.Orders;

/// <summary>Alpaca's rules for closing a position (facts 2.9): qty or percentage, up to 9 decimals, percentage 0–100.</summary>
internal static class ClosePositionRules
{
    private const int MaxDecimals = 9;

    public static IReadOnlyList<OrderInvalidError> Check(ClosePositionInput input)
    {
        var errors = new List<OrderInvalidError>();
        void Invalid(string field, string message) => errors.Add(new OrderInvalidError(field, message));

        if (string.IsNullOrWhiteSpace(input.Symbol) || input.Symbol.Trim().Length > OrderInputRules.MaxSymbolLength)
        {
            Invalid("symbol", $"symbol must be 1 to {OrderInputRules.MaxSymbolLength} characters.");
        }
        else if (!SymbolShape.IsValid(input.NormalizedSymbol))
        {
            Invalid("symbol", SymbolShape.Description);
        }

        if (OrderInputRules.KeyError(input.IdempotencyKey) is { } badKey)
        {
            errors.Add(badKey);
        }

        if (AmountRange.Check(("qty", input.Qty), ("percentage", input.Percentage)) is { Count: > 0 } outOfRange)
        {
            errors.AddRange(outOfRange);
        }
        else if ((input.Qty is null) == (input.Percentage is null))
        {
            Invalid("qty", "Give exactly one of qty or percentage (100 closes the whole position).");
        }
        else if (input.Qty is { } qty && (qty <= 0 || decimal.Round(qty, MaxDecimals) != qty))
        {
            Invalid("qty", $"qty must be positive with at most {MaxDecimals} decimals.");
        }
        else if (input.Percentage is { } percentage && (percentage is <= 0 or > 100 || decimal.Round(percentage, MaxDecimals) != percentage))
        {
            Invalid("percentage", $"percentage must be above 0 and at most 100, with at most {MaxDecimals} decimals.");
        }

        return errors;
    }
}
