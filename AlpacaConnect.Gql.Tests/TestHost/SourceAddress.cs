using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;

namespace AlpacaConnect.Gql.Tests.TestHost;

/// <summary>
/// Clients that connect to a loopback server from a chosen loopback address (any of 127.0.0.0/8 on Linux), so tests
/// can act as different IP addresses over real TCP without any test-only hook in the server.
/// </summary>
public sealed class SourceAddress(string address) : IDisposable
{
    private readonly SocketsHttpHandler _handler = new()
    {
        ConnectCallback = async (context, cancellationToken) =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                socket.Bind(new IPEndPoint(IPAddress.Parse(address), 0));
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

    public HttpClient HttpClient(Uri server, string? token = null)
    {
        var client = new HttpClient(_handler, disposeHandler: false) { BaseAddress = server };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        }

        return client;
    }

    /// <summary>A <c>graphql-transport-ws</c> socket from this address; a refused handshake throws <see cref="WebSocketException"/>.</summary>
    public async Task<GraphQLSocket> ConnectAsync(Uri server) => await GraphQLSocket.ConnectAsync(server, invoker: new HttpMessageInvoker(_handler, disposeHandler: false));

    /// <summary>The HTTP status of a handshake the server refused.</summary>
    public async Task<HttpStatusCode> RefusedHandshakeAsync(Uri server)
    {
        using var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol(GraphQLSocket.SubProtocol);
        socket.Options.CollectHttpResponseDetails = true;
        using var invoker = new HttpMessageInvoker(_handler, disposeHandler: false);
        await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(GraphQLSocket.WebSocketUrl(server), invoker, CancellationToken.None));
        return socket.HttpStatusCode;
    }

    public void Dispose() => _handler.Dispose();
}
