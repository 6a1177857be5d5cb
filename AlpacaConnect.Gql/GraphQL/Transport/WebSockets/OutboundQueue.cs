using System.Net.WebSockets;
using System.Threading.Channels;

namespace AlpacaConnect.Gql.GraphQL.Transport.WebSockets;

/// <summary>
/// The sending half of one socket: a bounded queue drained by a single writer loop (a WebSocket allows one
/// send at a time), and the closing handshake. Producers never wait: a message that does not fit closes
/// the socket with 1013, so a client that stops reading costs at most <c>OutboundQueueCapacity</c>
/// messages and <c>MaxOutboundBytes</c> bytes, and never slows the event source or the other subscribers.
/// </summary>
internal sealed partial class OutboundQueue(
    WebSocket socket, GraphQLWebSocketOptions options, TimeProvider time, Action onClosing, ILogger logger) : IDisposable
{
    private readonly Channel<byte[]> _channel = Channel.CreateBounded<byte[]>(new BoundedChannelOptions(options.OutboundQueueCapacity)
    {
        SingleReader = true,
        FullMode = BoundedChannelFullMode.Wait,
    });

    private readonly CancellationTokenSource _stopSending = new();
    private CloseStatus _closeStatus = CloseCodes.NormalClosure;
    private int _closing;
    private long _queuedBytes;
    private ITimer? _closeDeadline;

    public bool IsClosing => Volatile.Read(ref _closing) == 1;

    public CloseStatus CloseStatus => _closeStatus;

    /// <summary>Queues a text message; false when the socket is closing or the queue was full (and the socket is now closing).</summary>
    public bool Send(byte[] message)
    {
        if (IsClosing)
        {
            return false;
        }

        // Counted before queuing so the writer loop, which subtracts after sending, never sees a negative total.
        if (Interlocked.Add(ref _queuedBytes, message.Length) <= options.MaxOutboundBytes && _channel.Writer.TryWrite(message))
        {
            return true;
        }

        Interlocked.Add(ref _queuedBytes, -message.Length);

        if (!IsClosing)
        {
            LogQueueFull(logger, options.OutboundQueueCapacity, options.MaxOutboundBytes);
            Close(CloseCodes.OutboundQueueFull);
        }

        return false;
    }

    /// <summary>
    /// Starts closing: messages not yet sent are dropped, the close frame follows the message being sent, and
    /// the connection is aborted if the handshake has not finished within <c>CloseTimeout</c>. The session is
    /// told at once (<c>onClosing</c>), so its operations stop producing for a socket that is going away.
    /// With <paramref name="last"/> (the legacy protocol's <c>connection_error</c>) what is queued is sent first and
    /// <paramref name="last"/> after it, if it fits; the close timeout still bounds how long that may take.
    /// </summary>
    public void Close(CloseStatus status, byte[]? last = null)
    {
        if (Interlocked.CompareExchange(ref _closing, 1, 0) != 0)
        {
            return;
        }

        _closeStatus = status;
        _closeDeadline = time.CreateTimer(_ => socket.Abort(), null, options.CloseTimeout, Timeout.InfiniteTimeSpan);
        var draining = last is not null && Interlocked.Add(ref _queuedBytes, last.Length) <= options.MaxOutboundBytes
            && _channel.Writer.TryWrite(last);
        _channel.Writer.TryComplete();
        if (!draining)
        {
            _stopSending.Cancel();
        }

        onClosing();
    }

    public async Task RunAsync()
    {
        try
        {
            await foreach (var message in _channel.Reader.ReadAllAsync(_stopSending.Token))
            {
                await socket.SendAsync(message, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
                Interlocked.Add(ref _queuedBytes, -message.Length);
            }
        }
        catch (OperationCanceledException)
        {
            // Close() was called: what is still queued is dropped.
        }
        catch (WebSocketException)
        {
            socket.Abort();
            return;
        }

        if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
        {
            try
            {
                await socket.CloseOutputAsync(_closeStatus.Status, _closeStatus.SafeReason, CancellationToken.None);
            }
            catch (WebSocketException)
            {
                socket.Abort();
            }
        }
    }

    public void Dispose()
    {
        _closeDeadline?.Dispose();
        _stopSending.Dispose();
    }

    [LoggerMessage(EventId = 2101, Level = LogLevel.Warning, Message = "Closing a GraphQL socket whose client reads too slowly: {Capacity} messages or {MaxBytes} bytes are waiting")]
    private static partial void LogQueueFull(ILogger logger, int capacity, int maxBytes);
}
