using System.Collections;

namespace AlpacaConnect.Gql.Observability.Logging;

/// <summary>An entry's or scope's state after redaction: the masked message and the masked structured values.</summary>
internal sealed class RedactedLogState(string message, IReadOnlyList<KeyValuePair<string, object?>> values)
    : IReadOnlyList<KeyValuePair<string, object?>>
{
    private const string OriginalFormat = "{OriginalFormat}";

    public static readonly Func<RedactedLogState, Exception?, string> Format = (state, _) => state.ToString();

    public int Count => values.Count;

    public KeyValuePair<string, object?> this[int index] => values[index];

    /// <summary>
    /// The values with secrets masked, or null when none needed it. Numbers, ids and dates cannot hold a secret and are
    /// kept as they are; anything else is judged by its text. The message template comes from code and is kept.
    /// </summary>
    public static IReadOnlyList<KeyValuePair<string, object?>>? RedactValues(IReadOnlyList<KeyValuePair<string, object?>>? values, SecretRedactor redactor)
    {
        List<KeyValuePair<string, object?>>? redacted = null;
        for (var i = 0; values is not null && i < values.Count; i++)
        {
            var (key, value) = values[i];
            if (key == OriginalFormat || value is null or ValueType)
            {
                continue;
            }

            var text = value as string ?? Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "";
            var safe = redactor.Redact(text);
            if (!ReferenceEquals(safe, text))
            {
                redacted ??= [.. values];
                redacted[i] = new KeyValuePair<string, object?>(key, safe);
            }
        }

        return redacted;
    }

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => values.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => message;
}
