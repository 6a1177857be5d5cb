using System.Text.Json;
using GraphQL;

namespace AlpacaConnect.Gql.GraphQL.Transport.WebSockets;

/// <summary>
/// <c>graphql-transport-ws</c> (graphql-ws PROTOCOL.md), the server's preferred protocol: the client learns why a
/// socket closed from the 44xx close code alone.
/// </summary>
internal sealed class TransportWsProtocol(OutboundMessages messages) : SocketProtocol(messages)
{
    private static readonly Dictionary<string, MessageRule> ClientMessages = new(StringComparer.Ordinal)
    {
        [MessageTypes.ConnectionInit] = new(ClientCommand.Init, NeedsId: false, NeedsPayload: false),
        [MessageTypes.Ping] = new(ClientCommand.Ping, NeedsId: false, NeedsPayload: false),
        [MessageTypes.Pong] = new(ClientCommand.Pong, NeedsId: false, NeedsPayload: false),
        [MessageTypes.Subscribe] = new(ClientCommand.Subscribe, NeedsId: true, NeedsPayload: true),
        [MessageTypes.Complete] = new(ClientCommand.Complete, NeedsId: true, NeedsPayload: false),
    };

    public override string Name => MessageTypes.SubProtocol;

    public override IReadOnlyDictionary<string, MessageRule> Rules => ClientMessages;

    public override byte[] ConnectionAck() => OutboundMessages.Envelope(MessageTypes.ConnectionAck, null, null);

    public override byte[] Pong(JsonElement? payload) => OutboundMessages.Envelope(MessageTypes.Pong, null, payload?.GetRawText());

    public override byte[] Result(string id, ExecutionResult result) =>
        OutboundMessages.Envelope(MessageTypes.Next, id, Messages.Serialize(result));

    /// <summary>An <c>error</c> carries a bare <c>GraphQLError[]</c>, shaped like <c>errors</c> of a result.</summary>
    public override byte[] Error(string id, IEnumerable<ExecutionError> errors) =>
        OutboundMessages.Envelope(MessageTypes.Error, id, Messages.Serialize(errors.ToArray()));

    public override byte[] Complete(string id) => OutboundMessages.Envelope(MessageTypes.Complete, id, null);
}
