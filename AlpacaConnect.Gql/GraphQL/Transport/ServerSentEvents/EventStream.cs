using System.Threading.Channels;
using Microsoft.AspNetCore.Http.Features;

namespace AlpacaConnect.Gql.GraphQL.Transport.ServerSentEvents;

/// <summary>
/// The response of one Server-Sent Events request: a queue of events drained by one writer loop into the response body,
/// and a keep-alive comment every <c>KeepAliveInterval</c> unless events are waiting. Producers never wait: an
/// event that does not fit aborts the connection, so a client that stops reading costs at most
/// <c>OutboundQueueCapacity</c> events and <c>MaxOutboundBytes</c> bytes and never slows the event source or the other
/// subscribers down (as a socket's <c>OutboundQueue</c> does, decision 0006).
/// </summary>
internal sealed partial class EventStream : IAsyncDisposable
{
    private readonly HttpContext _context;
    private readonly ServerSentEventsOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Channel<byte[]> _channel = Channel.CreateUnbounded<byte[]>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _ended = new();
    private ITimer? _keepAlive;
    private CancellationTokenRegistration _clientGone;
    private int _queuedCount;
    private long _queuedBytes;
    private int _closing;

    public EventStream(HttpContext context, ServerSentEventsOptions options, TimeProvider time, ILogger logger)
    {
        _context = context;
        _options = options;
        _time = time;
        _logger = logger;
        Completion = Task.CompletedTask;
    }

    /// <summary>Cancelled once nothing more will be written, however the stream ended: the token a subscription runs with.</summary>
    public CancellationToken Ended => _ended.Token;

    /// <summary>The writer loop, done when the stream has ended.</summary>
    public Task Completion { get; private set; }

    /// <summary>Answers 200 with <c>text/event-stream</c> and starts writing.</summary>
    public void Start()
    {
        var response = _context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "text/event-stream; charset=utf-8";
        response.Headers.CacheControl = "no-cache";
        // nginx buffers proxied responses unless told not to; events would then arrive in bursts.
        response.Headers["X-Accel-Buffering"] = "no";
        _context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        _clientGone = _context.RequestAborted.Register(End);
        _keepAlive = _time.CreateTimer(_ => KeepAliveIfIdle(), null, _options.KeepAliveInterval, _options.KeepAliveInterval);
        Completion = WriteAsync();
    }

    /// <summary>Queues an event; false when the stream has ended or the event did not fit (and the connection is now aborted).</summary>
    public bool Send(byte[] message)
    {
        if (IsClosing)
        {
            return false;
        }

        // Counted before queuing so the writer, which subtracts what it takes, never sees a negative total.
        var count = Interlocked.Increment(ref _queuedCount);
        var bytes = Interlocked.Add(ref _queuedBytes, message.Length);
        if (count <= _options.OutboundQueueCapacity && bytes <= _options.MaxOutboundBytes && _channel.Writer.TryWrite(message))
        {
            return true;
        }

        Interlocked.Decrement(ref _queuedCount);
        Interlocked.Add(ref _queuedBytes, -message.Length);
        if (!IsClosing)
        {
            LogQueueFull(_logger, _options.OutboundQueueCapacity, _options.MaxOutboundBytes);
            End();
            // The client is not reading: a graceful end would wait on it too. Aborting frees the connection now.
            _context.Abort();
        }

        return false;
    }

    /// <summary>Ends the stream after what is queued, with <c>complete</c> last; it always fits.</summary>
    public void Complete()
    {
        if (Interlocked.CompareExchange(ref _closing, 1, 0) != 0)
        {
            return;
        }

        Interlocked.Increment(ref _queuedCount);
        Interlocked.Add(ref _queuedBytes, EventStreamMessages.Complete.Length);
        _channel.Writer.TryWrite(EventStreamMessages.Complete);
        _channel.Writer.TryComplete();
    }

    /// <summary>
    /// Ends the stream now, dropping what is queued and sending no <c>complete</c>: the graphql-sse client takes that for
    /// a lost connection and reconnects (after a token expired, while the server shuts down, or once the client left).
    /// </summary>
    public void End()
    {
        Interlocked.Exchange(ref _closing, 1);
        _channel.Writer.TryComplete();
        try
        {
            _ended.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // A late timer or producer after the request finished: nothing is left to end.
        }
    }

    private bool IsClosing => Volatile.Read(ref _closing) == 1;

    /// <summary>Only when nothing is waiting: a stream with events queued is not idle, and comments never pile up.</summary>
    private void KeepAliveIfIdle()
    {
        if (Volatile.Read(ref _queuedCount) == 0)
        {
            Send(EventStreamMessages.KeepAlive);
        }
    }

    private async Task WriteAsync()
    {
        var body = _context.Response.Body;
        try
        {
            await _context.Response.StartAsync(_ended.Token);
            await body.FlushAsync(_ended.Token);
            await foreach (var message in _channel.Reader.ReadAllAsync(_ended.Token))
            {
                // Counted out before writing: the bounds are what waits behind the event being written.
                Interlocked.Decrement(ref _queuedCount);
                Interlocked.Add(ref _queuedBytes, -message.Length);
                await body.WriteAsync(message, _ended.Token);
                await body.FlushAsync(_ended.Token);
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or IOException)
        {
            // Ended early or the client went away: what is still queued is dropped.
        }
        finally
        {
            End();
        }
    }

    public async ValueTask DisposeAsync()
    {
        Interlocked.Exchange(ref _closing, 1);
        if (_keepAlive is not null)
        {
            await _keepAlive.DisposeAsync();
        }

        await _clientGone.DisposeAsync();
        _ended.Dispose();
    }

    [LoggerMessage(EventId = 2110, Level = LogLevel.Warning, Message = "Aborting a GraphQL event stream whose client reads too slowly: {Capacity} events or {MaxBytes} bytes are waiting")]
    private static partial void LogQueueFull(ILogger logger, int capacity, int maxBytes);
}
