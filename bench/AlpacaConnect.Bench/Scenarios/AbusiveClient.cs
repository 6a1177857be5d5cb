using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
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

    private const string ChildFlag = "--abusive-client";

    public static bool IsChildProcess(string[] args) => args.Length == 4 && args[0] == ChildFlag;

    /// <summary>
    /// Runs the abuser in a process of its own, so it competes with the measured user for the CPU as another program
    /// would, not for the measuring process's thread pool. Returns its counts once it has run for <paramref name="duration"/>.
    /// </summary>
    public static async Task<AbuseCounts> RunInChildProcessAsync(Uri server, int workers, TimeSpan duration, Func<Task> meanwhile)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in new[] { typeof(AbusiveClient).Assembly.Location, ChildFlag, server.ToString(),
                     workers.ToString(CultureInfo.InvariantCulture), duration.TotalSeconds.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(arg);
        }

        using var child = Process.Start(start) ?? throw new InvalidOperationException("The abusive client did not start.");
        var output = child.StandardOutput.ReadToEndAsync();
        await meanwhile();
        await child.WaitForExitAsync();
        return JsonSerializer.Deserialize<AbuseCounts>(await output)
            ?? throw new InvalidOperationException("The abusive client reported nothing.");
    }

    public static async Task<int> RunAsChildAsync(string[] args)
    {
        await using var abuser = new AbusiveClient();
        abuser.Start(new Uri(args[1]), int.Parse(args[2], CultureInfo.InvariantCulture));
        await Task.Delay(TimeSpan.FromSeconds(double.Parse(args[3], CultureInfo.InvariantCulture)));
        Console.Out.Write(JsonSerializer.Serialize(await abuser.StopAsync()));
        return 0;
    }

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
