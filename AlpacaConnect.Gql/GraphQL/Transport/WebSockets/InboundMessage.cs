using System.Text.Json;

namespace AlpacaConnect.Gql.GraphQL.Transport.WebSockets;

/// <summary>
/// A client message whose shape has been checked against the protocol: <c>type</c> is one a client may
/// send, <c>id</c> is a non-empty string where required, and <c>payload</c> is an object where required
/// (and an object or null where optional).
/// </summary>
internal sealed record InboundMessage(string Type, string? Id, JsonElement? Payload)
{
    /// <summary>The message, or the reason it breaks the protocol (close 4400).</summary>
    public static (InboundMessage? Message, string? Error) Parse(ReadOnlyMemory<byte> utf8)
    {
        var (document, problem) = StrictJson.Parse(utf8);
        using (document)
        {
            return document is null ? (null, $"Invalid message: {problem}") : FromJson(document.RootElement);
        }
    }

    private static (InboundMessage?, string?) FromJson(JsonElement root)
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
        var (needsId, needsPayload) = type switch
        {
            MessageTypes.ConnectionInit or MessageTypes.Ping or MessageTypes.Pong => (false, false),
            MessageTypes.Subscribe => (true, true),
            MessageTypes.Complete => (true, false),
            _ => ((bool?)null, false),
        };
        if (needsId is null)
        {
            return (null, $"Invalid message type '{type}'");
        }

        string? id = null;
        if (needsId == true)
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

        if (needsPayload && payload is null)
        {
            return (null, $"Invalid message: '{type}' needs a payload");
        }

        return (new InboundMessage(type, id, payload), null);
    }
}
