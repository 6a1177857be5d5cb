namespace AlpacaConnect.Sandbox.OAuth;

/// <summary>Alpaca Connect's three scopes; no scope means read-only access.</summary>
public static class OAuthScopes
{
    public const string AccountWrite = "account:write";
    public const string Trading = "trading";
    public const string Data = "data";

    public static IReadOnlyList<string> Known { get; } = [AccountWrite, Trading, Data];

    public static string[] Parse(string? scope) =>
        (scope ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Space-delimited, in Alpaca's canonical order, without duplicates.</summary>
    public static string Format(IEnumerable<string> scopes)
    {
        var set = scopes.ToHashSet(StringComparer.Ordinal);
        return string.Join(' ', Known.Where(set.Contains));
    }
}
