using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace AlpacaConnect.Gql.Tests.TestHost;

/// <summary>
/// A test client for <c>graphql-transport-ws</c>: sends protocol messages and reads the server's, over an
/// in-process (<see cref="ApiFactory"/>.Server) or a real loopback socket. Every wait has a generous safety
/// timeout so a broken server fails the test instead of hanging it.
/// </summary>
public sealed class GraphQLSocket : IAsyncDisposable
{
    public const string SubProtocol = "graphql-transport-ws";
    private static readonly TimeSpan SafetyTimeout = TimeSpan.FromSeconds(30);

    private readonly WebSocket _socket;

    private GraphQLSocket(WebSocket socket) => _socket = socket;

    public WebSocket Socket => _socket;

    /// <summary>An in-process socket to the factory's test server, offering <paramref name="subProtocol"/>.</summary>
    public static async Task<GraphQLSocket> ConnectAsync(ApiFactory factory, string? subProtocol = SubProtocol)
    {
        var client = factory.Server.CreateWebSocketClient();
        if (subProtocol is not null)
        {
            client.SubProtocols.Add(subProtocol);
        }

        using var timeout = new CancellationTokenSource(SafetyTimeout);
        return new GraphQLSocket(await client.ConnectAsync(new Uri(factory.Server.BaseAddress, "/graphql"), timeout.Token));
    }

    /// <summary>A real socket to a server started with <see cref="ApiFactory.StartOnLoopback"/>.</summary>
    public static async Task<GraphQLSocket> ConnectAsync(Uri server, Action<ClientWebSocketOptions>? configure = null, HttpMessageInvoker? invoker = null)
    {
        var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol(SubProtocol);
        configure?.Invoke(socket.Options);
        using var timeout = new CancellationTokenSource(SafetyTimeout);
        await socket.ConnectAsync(WebSocketUrl(server), invoker, timeout.Token);
        return new GraphQLSocket(socket);
    }

    public static Uri WebSocketUrl(Uri server) => new UriBuilder(server) { Scheme = server.Scheme == "https" ? "wss" : "ws", Path = "/graphql" }.Uri;

    public Task SendAsync(object message) => SendTextAsync(JsonSerializer.Serialize(message));

    public async Task SendTextAsync(string text)
    {
        using var timeout = new CancellationTokenSource(SafetyTimeout);
        await _socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, timeout.Token);
    }

    /// <summary>Sends <c>connection_init</c> (with a bearer token when given) and expects <c>connection_ack</c>.</summary>
    public async Task InitAsync(string? token = null)
    {
        await SendAsync(token is null
            ? new { type = "connection_init" }
            : new { type = "connection_init", payload = new { authorization = $"Bearer {token}" } });
        await ExpectAsync("connection_ack");
    }

    public Task SubscribeAsync(string id, string query, object? variables = null) =>
        SendAsync(new { type = "subscribe", id, payload = new { query, variables } });

    public Task CompleteAsync(string id) => SendAsync(new { type = "complete", id });

    /// <summary>The next message; fails if the socket closes first.</summary>
    public async Task<JsonElement> ReceiveAsync()
    {
        var (message, close) = await ReceiveMessageOrCloseAsync();
        return message ?? throw new InvalidOperationException($"The socket closed: {close}");
    }

    /// <summary>The next message, which must be of <paramref name="type"/> (and for <paramref name="id"/>).</summary>
    public async Task<JsonElement> ExpectAsync(string type, string? id = null)
    {
        var message = await ReceiveAsync();
        Assert.True(message.GetProperty("type").GetString() == type, $"expected '{type}', got {message}");
        if (id is not null)
        {
            Assert.Equal(id, message.GetProperty("id").GetString());
        }

        return message;
    }

    /// <summary>Reads until the server closes; returns the messages before the close and the close itself.</summary>
    public async Task<(List<JsonElement> Messages, WebSocketCloseStatus? Status, string? Reason)> ReadUntilClosedAsync()
    {
        var messages = new List<JsonElement>();
        while (true)
        {
            var (message, close) = await ReceiveMessageOrCloseAsync();
            if (message is null)
            {
                return (messages, close.Status, close.Reason);
            }

            messages.Add(message.Value);
        }
    }

    /// <summary>Reads until the server closes and returns the close code and reason, ignoring messages before it.</summary>
    public async Task<(int? Code, string? Reason)> ExpectCloseAsync()
    {
        var (_, status, reason) = await ReadUntilClosedAsync();
        return ((int?)status, reason);
    }

    private async Task<(JsonElement? Message, (WebSocketCloseStatus? Status, string? Reason) Close)> ReceiveMessageOrCloseAsync()
    {
        using var timeout = new CancellationTokenSource(SafetyTimeout);
        var buffer = new byte[16 * 1024];
        using var text = new MemoryStream();
        while (true)
        {
            var received = await _socket.ReceiveAsync(buffer, timeout.Token);
            if (received.MessageType == WebSocketMessageType.Close)
            {
                if (_socket.State == WebSocketState.CloseReceived)
                {
                    await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
                }

                return (null, (received.CloseStatus, received.CloseStatusDescription));
            }

            text.Write(buffer, 0, received.Count);
            if (received.EndOfMessage)
            {
                return (JsonDocument.Parse(text.ToArray()).RootElement.Clone(), default);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            using var timeout = new CancellationTokenSource(SafetyTimeout);
            try
            {
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
            }
            catch (WebSocketException)
            {
                // The server may already be gone.
            }
        }

        _socket.Dispose();
    }
}
