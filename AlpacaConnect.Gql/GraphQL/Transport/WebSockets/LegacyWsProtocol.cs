using System.Buffers;
using System.Text.Json;
using GraphQL;

namespace AlpacaConnect.Gql.GraphQL.Transport.WebSockets;

/// <summary>
/// The legacy <c>graphql-ws</c> sub-protocol of subscriptions-transport-ws, still the default of Apollo Kotlin.
/// Its clients reconnect after any close whatever its code, so every close but a normal one is announced first with a
/// <c>connection_error</c> naming the reason and our close code (decision 0028).
/// </summary>
internal sealed class LegacyWsProtocol(OutboundMessages messages) : SocketProtocol(messages)
{
    public const string SubProtocol = "graphql-ws";

    private static readonly Dictionary<string, MessageRule> ClientMessages = new(StringComparer.Ordinal)
    {
        ["connection_init"] = new(ClientCommand.Init, NeedsId: false, NeedsPayload: false),
        ["start"] = new(ClientCommand.Subscribe, NeedsId: true, NeedsPayload: true),
        ["stop"] = new(ClientCommand.Complete, NeedsId: true, NeedsPayload: false),
        ["connection_terminate"] = new(ClientCommand.Terminate, NeedsId: false, NeedsPayload: false),
    };

    public override string Name => SubProtocol;

    public override IReadOnlyDictionary<string, MessageRule> Rules => ClientMessages;

    public override byte[] ConnectionAck() => OutboundMessages.Envelope("connection_ack", null, null);

    public override byte[]? KeepAlive() => OutboundMessages.Envelope("ka", null, null);

    public override byte[] Result(string id, ExecutionResult result) => OutboundMessages.Envelope("data", id, Messages.Serialize(result));

    /// <summary>
    /// An object <c>{"errors":[…]}</c> rather than graphql-transport-ws's bare array: Apollo Kotlin reads the payload
    /// as an object, and subscriptions-transport-ws unwraps <c>errors</c> into the array it hands the application.
    /// </summary>
    public override byte[] Error(string id, IEnumerable<ExecutionError> errors) =>
        OutboundMessages.Envelope("error", id, Messages.Serialize(new ExecutionResult { Errors = [.. errors] }));

    public override byte[] Complete(string id) => OutboundMessages.Envelope("complete", id, null);

    public override byte[]? Closing(CloseStatus status)
    {
        if (status.Code == CloseCodes.NormalClosure.Code)
        {
            return null;
        }

        var buffer = new ArrayBufferWriter<byte>(128);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("message", status.Reason);
            json.WriteStartObject("extensions");
            json.WriteNumber("closeCode", status.Code);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return OutboundMessages.Envelope("connection_error", null, System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan));
    }
}
