using System.Buffers;
using System.Net.WebSockets;
using System.Runtime.CompilerServices;
using AlpacaConnect.Gql.Alpaca.Clients;
using AlpacaConnect.Gql.Alpaca.Http;
using Microsoft.Extensions.Options;

namespace AlpacaConnect.Gql.Alpaca.Streaming;

/// <summary>
/// Opens trade_updates sockets: authenticate with the connection's OAuth token, listen to <c>trade_updates</c>, then
/// read. Frames may be binary (paper, facts 4) or text; both carry UTF-8 JSON.
/// </summary>
internal sealed partial class TradeUpdatesSocket(
    AlpacaTokenProvider tokens,
    AlpacaUpstreamAddresses addresses,
    IOptions<AlpacaOptions> options,
    IOptions<AlpacaStreamOptions> streamOptions,
    ILogger<TradeUpdatesSocket> logger) : IAlpacaTradeUpdates
{
    public async Task<IAlpacaTradeUpdateSocket> OpenAsync(AlpacaConnectionRef connection, CancellationToken cancellationToken)
    {
        EnvironmentPolicy.EnsureAllowed(options.Value, connection.Environment);
        var credential = await tokens.GetAsync(connection.ConnectionId, cancellationToken);
        var settings = streamOptions.Value;
        var socket = new ClientWebSocket();
        socket.Options.KeepAliveInterval = settings.KeepAliveInterval;
        socket.Options.KeepAliveTimeout = settings.KeepAliveTimeout;
        using var handshake = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        handshake.CancelAfter(settings.HandshakeTimeout);
        var opened = new Stream(socket, settings.MaxMessageBytes, logger);
        try
        {
            await socket.ConnectAsync(addresses.TradeUpdates(connection.Environment), handshake.Token);
            await opened.SendAsync(StreamRequests.Authenticate(credential.AccessToken), handshake.Token);
            var authorization = await opened.ExpectAsync("authorization", handshake.Token);
            if (StreamRequests.Read<AuthorizationWire>(authorization)?.Status != "authorized")
            {
                await tokens.OnUnauthorizedAsync(connection.ConnectionId, credential.AccessToken);
                throw new AlpacaReauthRequiredException("Alpaca refused the connection's token on the trade_updates stream; the user must connect again.");
            }

            await opened.SendAsync(StreamRequests.Listen(), handshake.Token);
            await opened.ExpectAsync("listening", handshake.Token);
            return opened;
        }
        catch (Exception e) when (e is not AlpacaApiException)
        {
            await opened.DisposeAsync();
            throw new AlpacaApiException(AlpacaErrorKind.Unavailable, "The trade_updates stream could not be opened.", e);
        }
        catch
        {
            await opened.DisposeAsync();
            throw;
        }
    }

    private sealed partial class Stream(ClientWebSocket socket, int maxMessageBytes, ILogger logger) : IAlpacaTradeUpdateSocket
    {
        public async Task SendAsync(byte[] message, CancellationToken cancellationToken) =>
            await socket.SendAsync(message, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);

        /// <summary>The data of the first message on <paramref name="stream"/>; an in-stream error or a close ends the handshake.</summary>
        public async Task<System.Text.Json.JsonElement> ExpectAsync(string stream, CancellationToken cancellationToken)
        {
            while (await ReceiveAsync(cancellationToken) is { } message)
            {
                if (message.Stream == stream)
                {
                    return message.Data;
                }

                if (message.Action == "error")
                {
                    throw new AlpacaApiException(AlpacaErrorKind.Unavailable, "The trade_updates stream answered with an error during the handshake.");
                }
            }

            throw new WebSocketException(WebSocketError.ConnectionClosedPrematurely);
        }

        public async IAsyncEnumerable<AlpacaTradeUpdate> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
        {
            while (await ReceiveAsync(cancellationToken) is { } message)
            {
                if (message.Stream == "trade_updates" && StreamRequests.Read<TradeUpdateWire>(message.Data)?.ToModel() is { } update)
                {
                    yield return update;
                }
                else if (message.Action == "error")
                {
                    LogStreamError(logger);
                }
            }
        }

        /// <summary>The next JSON message (binary or text frames), or null once the socket closed.</summary>
        private async Task<StreamMessageWire?> ReceiveAsync(CancellationToken cancellationToken)
        {
            var buffer = ArrayPool<byte>.Shared.Rent(maxMessageBytes);
            try
            {
                while (true)
                {
                    var length = 0;
                    ValueWebSocketReceiveResult received;
                    do
                    {
                        if (length == maxMessageBytes)
                        {
                            throw new WebSocketException(WebSocketError.InvalidMessageType, "A trade_updates message exceeded the size limit.");
                        }

                        received = await socket.ReceiveAsync(buffer.AsMemory(length, maxMessageBytes - length), cancellationToken);
                        length += received.Count;
                    }
                    while (!received.EndOfMessage);

                    if (received.MessageType == WebSocketMessageType.Close)
                    {
                        return null;
                    }

                    if (StreamRequests.Parse(buffer.AsSpan(0, length)) is { } message)
                    {
                        return message;
                    }

                    LogUnreadableMessage(logger, length);
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }

        public async ValueTask DisposeAsync()
        {
            try
            {
                if (socket.State == WebSocketState.Open)
                {
                    using var closing = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, closing.Token);
                }
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
            {
                // Closing is a courtesy; the socket is released either way.
            }
            finally
            {
                socket.Dispose();
            }
        }

        [LoggerMessage(EventId = 2300, Level = LogLevel.Warning, Message = "The trade_updates stream reported an error; it is expected to close")]
        private static partial void LogStreamError(ILogger logger);

        [LoggerMessage(EventId = 2301, Level = LogLevel.Warning, Message = "Ignored an unreadable trade_updates message of {Length} bytes")]
        private static partial void LogUnreadableMessage(ILogger logger, int length);
    }
}
