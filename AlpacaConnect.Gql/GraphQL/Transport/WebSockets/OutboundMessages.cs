using AlpacaConnect.Gql.GraphQL.Subscriptions;
using System.Buffers;
using System.Text.Json;
using GraphQL;

namespace AlpacaConnect.Gql.GraphQL.Transport.WebSockets;

/// <summary>
/// Writes server messages of either sub-protocol, serialized to UTF-8 when they are queued: a result is then a
/// snapshot taken while its operation's services are still alive, and the socket's writer only copies bytes.
/// </summary>
internal sealed class OutboundMessages(IGraphQLTextSerializer serializer)
{
    public string Serialize(object value) => SerializedExecutionResult.Serialize(serializer, value);

    public static byte[] Envelope(string type, string? id, string? payloadJson)
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
