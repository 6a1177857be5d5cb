using System.Buffers;
using System.Text.Json;
using GraphQL;

namespace AlpacaConnect.Gql.GraphQL.Transport.WebSockets;

/// <summary>
/// Server messages, serialized to UTF-8 when they are queued: a result is then a snapshot taken while its
/// operation's services are still alive, and the socket's writer only copies bytes.
/// </summary>
internal sealed class OutboundMessages(IGraphQLTextSerializer serializer)
{
    public static byte[] ConnectionAck() => Envelope(MessageTypes.ConnectionAck, null, null);

    public static byte[] Pong(JsonElement? payload) => Envelope(MessageTypes.Pong, null, payload?.GetRawText());

    public byte[] Next(string id, ExecutionResult result) => Envelope(MessageTypes.Next, id, serializer.Serialize(result));

    /// <summary>An <c>error</c> carries a bare <c>GraphQLError[]</c>, shaped like <c>errors</c> of a result.</summary>
    public byte[] Error(string id, IEnumerable<ExecutionError> errors) =>
        Envelope(MessageTypes.Error, id, serializer.Serialize(errors.ToArray()));

    public static byte[] Complete(string id) => Envelope(MessageTypes.Complete, id, null);

    private static byte[] Envelope(string type, string? id, string? payloadJson)
    {
        var buffer = new ArrayBufferWriter<byte>(64 + (payloadJson?.Length ?? 0));
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("type", type);
            if (id is not null)
            {
                json.WriteString("id", id);
            }

            if (payloadJson is not null)
            {
                json.WritePropertyName("payload");
                json.WriteRawValue(payloadJson, skipInputValidation: true);
            }

            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
