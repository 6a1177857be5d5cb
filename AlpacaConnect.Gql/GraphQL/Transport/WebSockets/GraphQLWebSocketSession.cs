using System.Buffers;
using System.Net.WebSockets;

namespace AlpacaConnect.Gql.GraphQL.Transport.WebSockets;

/// <summary>
/// One socket connection in either sub-protocol: reads client messages in order, enforces the protocol's
/// rules (closing the socket with the graphql-transport-ws codes when they are broken, whichever the protocol) and runs
/// each <c>subscribe</c> (legacy: <c>start</c>) as a <see cref="SocketOperation"/>, kept in <see cref="SocketOperations"/>. All sending goes through
/// <see cref="OutboundQueue"/>, framed by the socket's <see cref="SocketProtocol"/>. This file: the receive loop, which assembles frames into messages, and the handling
/// of each message; <c>GraphQLWebSocketSession.Operations.cs</c>: admitting and running a <c>subscribe</c>.
/// </summary>
internal sealed partial class GraphQLWebSocketSession : IDisposable
{
    private readonly WebSocket _socket;
    private readonly SocketProtocol _protocol;
    private readonly SessionServices _services;
    private readonly SessionLimits _limits;
    private readonly GraphQLWebSocketOptions _options;
    private readonly OutboundQueue _output;
    private readonly ILogger _logger;
    private readonly CancellationToken _aborted;
    /// <summary>How much one read takes; longer messages take several.</summary>
    private const int ChunkBytes = 4 * 1024;

    private readonly SocketOperations _operations = new();
    private readonly ITimer _initTimer;
    private ITimer? _expiryTimer;
    private ITimer? _keepAliveTimer;
    private SocketIdentity _identity = SocketIdentity.Anonymous;
    private volatile bool _initReceived;
    private volatile bool _acknowledged;
    private int _socketSubscriptions;

    public GraphQLWebSocketSession(WebSocket socket, SocketProtocol protocol, SessionServices services, SessionLimits limits, CancellationToken aborted)
    {
        _socket = socket;
        _protocol = protocol;
        _services = services;
        _limits = limits;
        _options = services.Options.Value;
        _aborted = aborted;
        _logger = services.LoggerFactory.CreateLogger<GraphQLWebSocketSession>();
        _output = new OutboundQueue(socket, _options, services.Time, _operations.EndAll, _logger);
        _initTimer = services.Time.CreateTimer(
            _ =>
            {
                if (!_initReceived)
                {
                    Close(CloseCodes.ConnectionInitialisationTimeout);
                }
            },
            null,
            _options.ConnectionInitTimeout,
            Timeout.InfiniteTimeSpan);
    }

    public void Close(CloseStatus status) => _output.Close(status, _protocol.Closing(status));

    public async Task RunAsync()
    {
        var writer = _output.RunAsync();
        try
        {
            await ReceiveAsync();
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
        {
            // The peer vanished or the server aborted the connection; nothing can be sent any more.
            _socket.Abort();
        }
        catch (Exception exception)
        {
            LogSessionFailed(_logger, exception);
            Close(CloseCodes.InternalServerError);
        }
        finally
        {
            Close(CloseCodes.NormalClosure);
            _operations.EndAll(); // also any subscribe that raced with the close
            await writer;
            LogClosed(_logger, _output.CloseStatus.Code, _output.CloseStatus.Reason);
        }
    }

    /// <summary>
    /// Reads messages one at a time. An idle socket holds no receive buffer: it waits with a zero-byte read and rents a
    /// chunk only while a message arrives (a message of several reads is assembled in a writer that lives as long as
    /// that message). With thousands of idle subscribers per instance, the two 4 KiB buffers each socket used to keep
    /// were a large share of its memory.
    /// </summary>
    private async Task ReceiveAsync()
    {
        ArrayBufferWriter<byte>? assembled = null;
        var tooLarge = false;
        while (true)
        {
            var waited = await _socket.ReceiveAsync(Memory<byte>.Empty, _aborted);
            var chunk = ArrayPool<byte>.Shared.Rent(ChunkBytes);
            try
            {
                // A close, or an empty final frame, was consumed whole by the zero-byte read.
                var received = waited.MessageType == WebSocketMessageType.Close || waited.EndOfMessage
                    ? waited
                    : await _socket.ReceiveAsync(chunk.AsMemory(0, ChunkBytes), _aborted);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    Close(CloseCodes.NormalClosure);
                    return;
                }

                if (_output.IsClosing)
                {
                    continue; // Waiting for the client's close frame; nothing else counts any more.
                }

                if (received.MessageType == WebSocketMessageType.Binary)
                {
                    Close(CloseCodes.BadRequest("Binary messages are not supported"));
                    continue;
                }

                var part = chunk.AsMemory(0, received.Count);
                tooLarge |= (assembled?.WrittenCount ?? 0) + received.Count > _options.MaxMessageBytes;
                if (!received.EndOfMessage)
                {
                    if (!tooLarge)
                    {
                        (assembled ??= new ArrayBufferWriter<byte>(ChunkBytes * 2)).Write(part.Span);
                    }

                    continue;
                }

                if (tooLarge)
                {
                    Close(CloseCodes.BadRequest("Message too large"));
                    continue;
                }

                if (assembled is null)
                {
                    await HandleAsync(part);
                }
                else
                {
                    assembled.Write(part.Span);
                    await HandleAsync(assembled.WrittenMemory);
                    assembled = null;
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(chunk);
            }
        }
    }

    private async Task HandleAsync(ReadOnlyMemory<byte> utf8)
    {
        var (message, error) = _protocol.Parse(utf8);
        if (message is null)
        {
            Close(CloseCodes.BadRequest(error!));
            return;
        }

        switch (message.Command)
        {
            case ClientCommand.Init:
                await InitializeAsync(message);
                break;
            case ClientCommand.Ping:
                _output.Send(_protocol.Pong(message.Payload));
                break;
            case ClientCommand.Pong:
                break;
            case ClientCommand.Subscribe:
                await SubscribeAsync(message);
                break;
            case ClientCommand.Complete:
                _operations.End(message.Id!);
                break;
            case ClientCommand.Terminate:
                Close(CloseCodes.NormalClosure);
                break;
        }
    }

    private async Task InitializeAsync(InboundMessage message)
    {
        if (_initReceived)
        {
            Close(CloseCodes.TooManyInitialisationRequests);
            return;
        }

        _initReceived = true;
        await _initTimer.DisposeAsync();
        var identity = await _services.Authenticator.AuthenticateAsync(message.Payload, _aborted);
        if (identity is null)
        {
            Close(CloseCodes.InvalidToken);
            return;
        }

        if (identity.ExpiresAt is { } expiresAt)
        {
            if (expiresAt <= _services.Time.GetUtcNow())
            {
                Close(CloseCodes.TokenExpired);
                return;
            }

            _expiryTimer = _services.Time.CreateTimer(_ => CloseIfExpired(expiresAt), null, TimerDue(expiresAt), Timeout.InfiniteTimeSpan);
        }

        if (!_limits.TryAdmit(identity.User))
        {
            Close(CloseCodes.AnonymousLimitReached);
            return;
        }

        _identity = identity;
        _acknowledged = true;
        _output.Send(_protocol.ConnectionAck());
        StartKeepAlive();
    }

    /// <summary>
    /// The legacy protocol's <c>ka</c>: once right after the ack, then every <c>KeepAliveInterval</c>. Its clients close a
    /// socket that stays silent for their timeout (30 s by default) once they have seen one, so with the interval at zero
    /// none is sent at all.
    /// </summary>
    private void StartKeepAlive()
    {
        if (_protocol.KeepAlive() is not { } keepAlive || _options.KeepAliveInterval <= TimeSpan.Zero)
        {
            return;
        }

        _output.Send(keepAlive);
        _keepAliveTimer = _services.Time.CreateTimer(_ => _output.Send(keepAlive), null, _options.KeepAliveInterval, _options.KeepAliveInterval);
    }

    /// <summary>Timers cannot wait longer than about 49 days; tokens living longer are checked again then.</summary>
    private TimeSpan TimerDue(DateTimeOffset expiresAt)
    {
        var due = expiresAt - _services.Time.GetUtcNow();
        return due < TimeSpan.FromDays(30) ? due : TimeSpan.FromDays(30);
    }

    private void CloseIfExpired(DateTimeOffset expiresAt)
    {
        if (expiresAt <= _services.Time.GetUtcNow())
        {
            Close(CloseCodes.TokenExpired);
        }
        else
        {
            _expiryTimer?.Change(TimerDue(expiresAt), Timeout.InfiniteTimeSpan);
        }
    }

    public void Dispose()
    {
        _initTimer.Dispose();
        _expiryTimer?.Dispose();
        _keepAliveTimer?.Dispose();
        _output.Dispose();
    }

    [LoggerMessage(EventId = 2103, Level = LogLevel.Debug, Message = "GraphQL socket closed: {Code} {Reason}")]
    private static partial void LogClosed(ILogger logger, int code, string reason);

    [LoggerMessage(EventId = 2105, Level = LogLevel.Error, Message = "GraphQL socket session failed")]
    private static partial void LogSessionFailed(ILogger logger, Exception exception);
}
