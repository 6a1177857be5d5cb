using System.Text.Json;

namespace AlpacaConnect.Gql.Alpaca.Wire;

/// <summary>
/// Enum values on the wire are snake_case words (<c>partially_filled</c>; account statuses in upper case). A word
/// this enum does not know reads as its <c>Unknown</c> member: Alpaca adds values and an order must stay readable.
/// </summary>
internal static class WireEnum<T>
    where T : struct, Enum
{
    private static readonly Dictionary<T, string> Words = Enum.GetValues<T>()
        .Where(value => value.ToString() != "Unknown")
        .ToDictionary(value => value, value => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString()));

    private static readonly Dictionary<string, T> Values =
        Words.ToDictionary(pair => pair.Value, pair => pair.Key, StringComparer.OrdinalIgnoreCase);

    private static readonly T Unknown = Enum.TryParse<T>("Unknown", out var unknown) ? unknown : default;

    public static T Parse(string? word) => word is not null && Values.TryGetValue(word, out var value) ? value : Unknown;

    public static string Format(T value) => Words.TryGetValue(value, out var word)
        ? word
        : throw new ArgumentOutOfRangeException(nameof(value), value, $"{typeof(T).Name}.{value} cannot be sent to Alpaca.");
}
