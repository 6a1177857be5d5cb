using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;

namespace AlpacaConnect.Bench.Scenarios;

/// <summary>What the abusive client did, and what the server answered it.</summary>
public sealed record AbuseCounts(
    long SocketsOpened, long HandshakesRefused, long OperationsSent, long ClosedByServer, IReadOnlyDictionary<string, long> Refusals);

/// <summary>
/// One client, from its own loopback address (127.0.0.2), that opens sockets and sends operations as fast as it can
/// with several workers: each opens a socket, says <c>connection_init</c> without a token, sends a burst of
/// <c>subscribe</c> messages without ever reading an answer, then drops the socket and starts again. Every limit of the
/// edge may answer it; it never slows down for them.
/// </summary>
public sealed class AbusiveClient : IAsyncDisposable
{
    private const int OperationsPerSocket = 200;
    private static readonly byte[] Init = Encoding.UTF8.GetBytes("""{"type":"connection_init"}""");
    private readonly SocketsHttpHandler _handler = new()
    {
        ConnectCallback = async (context, cancellationToken) =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                socket.Bind(new IPEndPoint(IPAddress.Parse("127.0.0.2"), 0));
                await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };

    private readonly CancellationTokenSource _stop = new();
    private readonly Dictionary<string, long> _refusals = [];
    private readonly List<Task> _workers = [];
    private long _opened;
    private long _refused;
    private long _operations;
    private long _closedByServer;

    public void Start(Uri server, int workers)
    {
        var url = new UriBuilder(server) { Scheme = "ws", Path = "/graphql" }.Uri;
        for (var i = 0; i < workers; i++)
        {
            _workers.Add(Task.Run(() => WorkAsync(url)));
        }
    }

    public async Task<AbuseCounts> StopAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_workers);
        lock (_refusals)
        {
            return new AbuseCounts(_opened, _refused, _operations, _closedByServer, new Dictionary<string, long>(_refusals));
        }
    }

    private async Task WorkAsync(Uri url)
    {
        var id = 0L;
        while (!_stop.IsCancellationRequested)
        {
            using var socket = new ClientWebSocket();
            socket.Options.AddSubProtocol("graphql-transport-ws");
            socket.Options.CollectHttpResponseDetails = true;
            using var invoker = new HttpMessageInvoker(_handler, disposeHandler: false);
            try
            {
                await socket.ConnectAsync(url, invoker, _stop.Token);
                Interlocked.Increment(ref _opened);
                await socket.SendAsync(Init, WebSocketMessageType.Text, true, _stop.Token);
                for (var i = 0; i < OperationsPerSocket && !_stop.IsCancellationRequested; i++)
                {
                    var subscribe = Encoding.UTF8.GetBytes("{\"type\":\"subscribe\",\"id\":\"" + id++ + "\",\"payload\":{\"query\":\"{ __typename }\"}}");
                    await socket.SendAsync(subscribe, WebSocketMessageType.Text, true, _stop.Token);
                    Interlocked.Increment(ref _operations);
                }
            }
            catch (OperationCanceledException)
            {
                // Stopped.
            }
            catch (WebSocketException) when (socket.State == WebSocketState.Closed && socket.HttpStatusCode != HttpStatusCode.SwitchingProtocols)
            {
                Interlocked.Increment(ref _refused);
                Count($"handshake HTTP {(int)socket.HttpStatusCode}");
            }
            catch (Exception e) when (e is WebSocketException or IOException or HttpRequestException)
            {
                Interlocked.Increment(ref _closedByServer);
                Count(socket.CloseStatus is { } status ? $"closed {(int)status}" : "connection dropped");
            }

            socket.Abort();
        }
    }

    private void Count(string what)
    {
        lock (_refusals)
        {
            _refusals[what] = _refusals.GetValueOrDefault(what) + 1;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested)
        {
            await StopAsync();
        }

        _stop.Dispose();
        _handler.Dispose();
    }
}
