namespace AlpacaConnect.Gql.Audit;

/// <summary>Why an operator acts: required on every call (a ticket number at least), kept in the audit row.</summary>
internal static class OperatorReason
{
    public const int MinLength = 3;

    public const int MaxLength = 500;

    /// <summary>The trimmed reason, or null when it is missing, too short or too long.</summary>
    public static string? Clean(string? reason) =>
        reason?.Trim() is { Length: >= MinLength and <= MaxLength } trimmed ? trimmed : null;

    public const string Rule = "A reason of 3 to 500 characters is required (a ticket number, what was asked).";
}
