using System.Text.Json;
using GraphQL;

namespace AlpacaConnect.Gql.GraphQL.Transport.WebSockets;

/// <summary>What a client message asks the session to do, whatever the sub-protocol calls it.</summary>
internal enum ClientCommand
{
    Init,
    Ping,
    Pong,
    Subscribe,
    Complete,
    Terminate,
}

/// <summary>How a client message of one wire type must look: the command it is, and whether it needs an id and a payload.</summary>
internal readonly record struct MessageRule(ClientCommand Command, bool NeedsId, bool NeedsPayload);

/// <summary>
/// The framing of one WebSocket sub-protocol: which client messages it has and how server messages are written.
/// Everything else (authentication, limits, execution, closing) is the session's, shared by both protocols.
/// </summary>
internal abstract class SocketProtocol(OutboundMessages messages)
{
    /// <summary>The value of <c>Sec-WebSocket-Protocol</c> that selects this protocol.</summary>
    public abstract string Name { get; }

    /// <summary>The client messages of this protocol, by their <c>type</c>.</summary>
    public abstract IReadOnlyDictionary<string, MessageRule> Rules { get; }

    protected OutboundMessages Messages => messages;

    public (InboundMessage? Message, string? Error) Parse(ReadOnlyMemory<byte> utf8) => InboundMessage.Parse(utf8, Rules);

    public abstract byte[] ConnectionAck();

    /// <summary>One execution result of an operation (<c>next</c> or <c>data</c>).</summary>
    public abstract byte[] Result(string id, ExecutionResult result);

    /// <summary>The operation failed before it produced a result; nothing follows it for this id.</summary>
    public abstract byte[] Error(string id, IEnumerable<ExecutionError> errors);

    public abstract byte[] Complete(string id);

    public virtual byte[] Pong(JsonElement? payload) => throw new NotSupportedException($"{Name} has no ping");

    /// <summary>The message sent right after the ack and then periodically, or null when the protocol has none.</summary>
    public virtual byte[]? KeepAlive() => null;

    /// <summary>A message that tells the client why the server is closing, sent just before the close frame; null for none.</summary>
    public virtual byte[]? Closing(CloseStatus status) => null;
}
