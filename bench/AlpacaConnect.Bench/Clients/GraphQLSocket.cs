using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace AlpacaConnect.Bench.Clients;

/// <summary>One message from the server, stamped with <see cref="Stopwatch.GetTimestamp"/> as soon as its last frame arrived.</summary>
public readonly record struct SocketMessage(string Type, string? Id, JsonElement Payload, long ReceivedAt);

/// <summary>
/// A minimal <c>graphql-transport-ws</c> client: connection_init with the app user's JWT, subscribe, and a receive loop
/// that hands every message to a callback. Many of these run at once in one process, so it keeps one small buffer each.
/// </summary>
public sealed class GraphQLSocket : IAsyncDisposable
{
    public const string SubProtocol = "graphql-transport-ws";
    private static readonly TimeSpan HandshakeTimeout = TimeSpan.FromSeconds(30);

    private readonly ClientWebSocket _socket = new();
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly byte[] _buffer = new byte[4096];

    private GraphQLSocket()
    {
        _socket.Options.AddSubProtocol(SubProtocol);
        // The server pings; .NET answers pings itself while a receive is pending.
        _socket.Options.KeepAliveInterval = TimeSpan.Zero;
    }

    public WebSocketState State => _socket.State;

    /// <summary>Opens a socket to <c>/graphql</c> and waits for <c>connection_ack</c>.</summary>
    public static async Task<GraphQLSocket> ConnectAsync(Uri server, string jwt, CancellationToken cancellationToken = default)
    {
        var socket = new GraphQLSocket();
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(HandshakeTimeout);
            var url = new UriBuilder(server) { Scheme = "ws", Path = "/graphql" }.Uri;
            await socket._socket.ConnectAsync(url, timeout.Token);
            await socket.SendAsync(new { type = "connection_init", payload = new { authorization = "Bearer " + jwt } }, timeout.Token);
            var ack = await socket.ReceiveAsync(timeout.Token);
            if (ack?.Type != "connection_ack")
            {
                throw new InvalidOperationException($"Expected connection_ack, got {ack?.Type ?? "a close"} ({socket._socket.CloseStatus} {socket._socket.CloseStatusDescription}).");
            }

            return socket;
        }
        catch
        {
            await socket.DisposeAsync();
            throw;
        }
    }

    public Task SubscribeAsync(string id, string query, object? variables = null, CancellationToken cancellationToken = default) =>
        SendAsync(new { type = "subscribe", id, payload = new { query, variables } }, cancellationToken);

    /// <summary>
    /// Receives until the socket closes or <paramref name="cancellationToken"/> fires, answering protocol pings. Returns
    /// the close status (null when cancelled or aborted).
    /// </summary>
    public async Task<WebSocketCloseStatus?> RunAsync(Action<SocketMessage> onMessage, CancellationToken cancellationToken)
    {
        try
        {
            while (await ReceiveAsync(cancellationToken) is { } message)
            {
                if (message.Type == "ping")
                {
                    await SendAsync(new { type = "pong" }, cancellationToken);
                    continue;
                }

                onMessage(message);
            }

            return _socket.CloseStatus;
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or IOException)
        {
            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            try
            {
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bench done", timeout.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or WebSocketException or IOException)
            {
                // Closing is best effort; the socket is disposed either way.
            }
        }

        _socket.Dispose();
        _sendLock.Dispose();
    }

    private async Task SendAsync(object message, CancellationToken cancellationToken)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(message);
        await _sendLock.WaitAsync(cancellationToken);
        try
        {
            await _socket.SendAsync(bytes, WebSocketMessageType.Text, true, cancellationToken);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    private async Task<SocketMessage?> ReceiveAsync(CancellationToken cancellationToken)
    {
        using var assembled = new MemoryStream();
        while (true)
        {
            var received = await _socket.ReceiveAsync(_buffer, cancellationToken);
            if (received.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            assembled.Write(_buffer, 0, received.Count);
            if (!received.EndOfMessage)
            {
                continue;
            }

            var at = Stopwatch.GetTimestamp();
            using var json = JsonDocument.Parse(assembled.GetBuffer().AsMemory(0, (int)assembled.Length));
            var root = json.RootElement;
            return new SocketMessage(
                root.GetProperty("type").GetString() ?? "",
                root.TryGetProperty("id", out var id) ? id.GetString() : null,
                root.TryGetProperty("payload", out var payload) ? payload.Clone() : default,
                at);
        }
    }

    /// <summary>For diagnostics: the text of a payload.</summary>
    public static string Describe(SocketMessage message) =>
        message.Type + (message.Id is null ? "" : $" {message.Id}") +
        (message.Payload.ValueKind == JsonValueKind.Undefined ? "" : " " + Encoding.UTF8.GetString(JsonSerializer.SerializeToUtf8Bytes(message.Payload)));
}
