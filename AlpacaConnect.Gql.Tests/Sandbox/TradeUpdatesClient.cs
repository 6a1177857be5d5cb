using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace AlpacaConnect.Gql.Tests.Sandbox;

/// <summary>A raw trade_updates client, as the server's stream client would speak to Alpaca.</summary>
public sealed class TradeUpdatesClient : IAsyncDisposable
{
    private static readonly TimeSpan SafetyTimeout = TimeSpan.FromSeconds(15);
    private readonly ClientWebSocket _socket = new();

    public WebSocketMessageType? LastFrameType { get; private set; }

    public static async Task<TradeUpdatesClient> ConnectAsync(Uri uri)
    {
        var stream = new TradeUpdatesClient();
        using var timeout = new CancellationTokenSource(SafetyTimeout);
        await stream._socket.ConnectAsync(uri, timeout.Token);
        return stream;
    }

    public Task SendAsync(string json) =>
        _socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, true, CancellationToken.None);

    public async Task<JsonElement> AuthenticateAsync(string token)
    {
        await SendAsync($$$"""{"action":"authenticate","data":{"oauth_token":"{{{token}}}"}}""");
        return await ReceiveAsync();
    }

    public async Task<JsonElement> ListenAsync()
    {
        await SendAsync("""{"action":"listen","data":{"streams":["trade_updates"]}}""");
        return await ReceiveAsync();
    }

    /// <summary>The next message (text or binary frame, UTF-8 JSON); throws if none arrives in a generous safety time.</summary>
    public async Task<JsonElement> ReceiveAsync()
    {
        using var timeout = new CancellationTokenSource(SafetyTimeout);
        var buffer = new byte[64 * 1024];
        var length = 0;
        WebSocketReceiveResult result;
        do
        {
            result = await _socket.ReceiveAsync(new ArraySegment<byte>(buffer, length, buffer.Length - length), timeout.Token);
            length += result.Count;
        }
        while (!result.EndOfMessage);

        if (result.MessageType == WebSocketMessageType.Close)
        {
            throw new WebSocketException("closed by the server");
        }

        LastFrameType = result.MessageType;
        return JsonDocument.Parse(buffer.AsMemory(0, length)).RootElement.Clone();
    }

    /// <summary>Skips trade updates until one with <paramref name="eventName"/> (optionally for one order) arrives.</summary>
    public async Task<JsonElement> NextEventAsync(string eventName, string? orderId = null)
    {
        while (true)
        {
            var message = await ReceiveAsync();
            var data = message.GetProperty("data");
            if (message.GetProperty("stream").GetString() == "trade_updates" && data.GetProperty("event").GetString() == eventName &&
                (orderId is null || data.GetProperty("order").GetProperty("id").GetString() == orderId))
            {
                return data;
            }
        }
    }

    /// <summary>True once the server has ended the connection (it aborted or closed it).</summary>
    public async Task<bool> EndsAsync()
    {
        try
        {
            while (true)
            {
                await ReceiveAsync();
            }
        }
        catch (WebSocketException)
        {
            return true;
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
                // The server went first.
            }
        }

        _socket.Dispose();
    }
}
