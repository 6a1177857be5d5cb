using System.Text.Json;

namespace AlpacaConnect.Gql.GraphQL.Transport.WebSockets;

/// <summary>
/// A client message whose shape has been checked against its sub-protocol's rules: <c>type</c> is one a client may
/// send (read as a <see cref="ClientCommand"/>), <c>id</c> is a non-empty string where required, and <c>payload</c> is an object where required
/// (and an object or null where optional).
/// </summary>
internal sealed record InboundMessage(ClientCommand Command, string? Id, JsonElement? Payload)
{
    /// <summary>The message, or the reason it breaks the protocol (close 4400).</summary>
    public static (InboundMessage? Message, string? Error) Parse(ReadOnlyMemory<byte> utf8, IReadOnlyDictionary<string, MessageRule> rules)
    {
        var (document, problem) = StrictJson.Parse(utf8);
        using (document)
        {
            return document is null ? (null, $"Invalid message: {problem}") : FromJson(document.RootElement, rules);
        }
    }

    private static (InboundMessage?, string?) FromJson(JsonElement root, IReadOnlyDictionary<string, MessageRule> rules)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return (null, "Invalid message: not a JSON object");
        }

        if (!root.TryGetProperty("type", out var typeElement) || typeElement.ValueKind != JsonValueKind.String)
        {
            return (null, "Invalid message: 'type' must be a string");
        }

        var type = typeElement.GetString()!;
        if (!rules.TryGetValue(type, out var rule))
        {
            return (null, $"Invalid message type '{type}'");
        }

        string? id = null;
        if (rule.NeedsId)
        {
            if (!root.TryGetProperty("id", out var idElement) || idElement.ValueKind != JsonValueKind.String
                || idElement.GetString() is not { Length: > 0 } value)
            {
                return (null, $"Invalid message: '{type}' needs a non-empty string 'id'");
            }

            id = value;
        }

        JsonElement? payload = root.TryGetProperty("payload", out var payloadElement) && payloadElement.ValueKind != JsonValueKind.Null
            ? payloadElement.Clone()
            : null;
        if (payload is { ValueKind: not JsonValueKind.Object })
        {
            return (null, $"Invalid message: '{type}' payload must be an object");
        }

        if (rule.NeedsPayload && payload is null)
        {
            return (null, $"Invalid message: '{type}' needs a payload");
        }

        return (new InboundMessage(rule.Command, id, payload), null);
    }
}
