using System.Net.WebSockets;
using System.Text.Json;
using AlpacaConnect.Sandbox.OAuth;
using Microsoft.Extensions.Options;

namespace AlpacaConnect.Sandbox.Streaming;

/// <summary>
/// <c>GET /{env}/stream</c>: authenticate with <c>{"action":"authenticate","data":{"oauth_token":…}}</c>, then
/// <c>listen</c> to <c>trade_updates</c>. Paper sends binary frames (WS-DOC), live text; both configurable.
/// </summary>
internal static class TradeUpdatesEndpoint
{
    private const int MaxMessageBytes = 64 * 1024;

    public static void MapTradeUpdates(this IEndpointRouteBuilder env) => env.Map("/stream", RunAsync);

    private static async Task RunAsync(HttpContext http, TradeUpdateHub hub, AccessTokens tokens, IOptions<SandboxOptions> options)
    {
        if (!http.WebSockets.IsWebSocketRequest)
        {
            http.Response.StatusCode = StatusCodes.Status426UpgradeRequired;
            return;
        }

        var environment = SandboxEnvironments.Of(http) ?? SandboxEnvironment.Paper;
        var frames = environment == SandboxEnvironment.Paper ? options.Value.Stream.PaperFrames : options.Value.Stream.LiveFrames;
        using var socket = await http.WebSockets.AcceptWebSocketAsync();
        using var connection = new StreamConnection(environment);
        hub.Add(connection);
        using var ended = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, connection.Dropped);
        var writer = WriteAsync(socket, connection, frames, ended.Token);
        try
        {
            await ReadAsync(socket, connection, tokens, ended.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
            // Dropped by the sandbox or by the client.
        }
        finally
        {
            hub.Remove(connection);
            if (connection.Dropped.IsCancellationRequested || socket.State != WebSocketState.Closed)
            {
                socket.Abort();
            }

            connection.Dispose(); // completes the queue, so the writer ends

            await writer;
        }
    }

    private static async Task ReadAsync(WebSocket socket, StreamConnection connection, AccessTokens tokens, CancellationToken ended)
    {
        var buffer = new byte[MaxMessageBytes];
        while (socket.State == WebSocketState.Open)
        {
            var length = 0;
            ValueWebSocketReceiveResult received;
            do
            {
                received = await socket.ReceiveAsync(buffer.AsMemory(length), ended);
                length += received.Count;
            }
            while (!received.EndOfMessage && length < buffer.Length);

            if (received.MessageType == WebSocketMessageType.Close)
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, ended);
                return;
            }

            Handle(buffer.AsSpan(0, length), connection, tokens);
        }
    }

    private static void Handle(ReadOnlySpan<byte> message, StreamConnection connection, AccessTokens tokens)
    {
        JsonElement root;
        try
        {
            root = JsonDocument.Parse(message.ToArray()).RootElement;
        }
        catch (JsonException)
        {
            connection.Send(StreamMessages.Error("invalid syntax"));
            return;
        }

        var action = root.TryGetProperty("action", out var a) ? a.GetString() : null;
        var data = root.TryGetProperty("data", out var d) ? d : default;
        switch (action)
        {
            case "authenticate":
                var token = data.ValueKind == JsonValueKind.Object && data.TryGetProperty("oauth_token", out var t) ? t.GetString() : null;
                var grant = tokens.Validate(token);
                var account = grant?.Account(connection.Environment);
                connection.Grant = account is null ? null : grant;
                connection.AccountId = account?.Id;
                connection.Listening &= account is not null;
                connection.Send(StreamMessages.Authorization(account is not null, "authenticate"));
                break;
            case "listen" when connection.AccountId is null:
                connection.Send(StreamMessages.Authorization(false, "listen"));
                break;
            case "listen":
                // The list replaces the subscription set; [] unsubscribes (WS-DOC).
                var streams = data.ValueKind == JsonValueKind.Object && data.TryGetProperty("streams", out var s) && s.ValueKind == JsonValueKind.Array
                    ? s.EnumerateArray().Select(x => x.GetString()).Where(x => x == "trade_updates").Cast<string>().ToList()
                    : [];
                // The confirmation goes out before the first event can: a client reads "listening" first, and a test
                // that waits for a listening socket knows that any event from then on reaches it.
                connection.Send(StreamMessages.Listening(streams));
                connection.Listening = streams.Count > 0;
                break;
            default:
                connection.Send(StreamMessages.Error("invalid action"));
                break;
        }
    }

    private static async Task WriteAsync(WebSocket socket, StreamConnection connection, SandboxFrameKind frames, CancellationToken ended)
    {
        var type = frames == SandboxFrameKind.Binary ? WebSocketMessageType.Binary : WebSocketMessageType.Text;
        try
        {
            await foreach (var message in connection.Outgoing.ReadAllAsync(ended))
            {
                await socket.SendAsync(message, type, endOfMessage: true, ended);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
            // The socket ended; nothing is replayed.
        }
    }
}
