using System.Net;
using System.Net.WebSockets;
using AlpacaConnect.Gql.Tests.TestHost;
using Microsoft.Extensions.Hosting;

namespace AlpacaConnect.Gql.Tests.GraphQL.Transport.WebSockets;

/// <summary>What is refused before a socket exists, over real sockets on loopback.</summary>
public sealed class WebSocketHandshakeTests
{
    [Fact]
    public async Task AHandshakeWithoutASupportedSubProtocolIsRefusedWith400()
    {
        using var factory = new ApiFactory();
        var server = factory.StartOnLoopback();
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        socket.Options.AddSubProtocol("graphql-unknown");

        await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(GraphQLSocket.WebSocketUrl(server), default));

        Assert.Equal(HttpStatusCode.BadRequest, socket.HttpStatusCode);
    }

    [Fact]
    public async Task OutsideDevelopmentAnOriginNotListedIsRefusedWith403()
    {
        using var factory = new ApiFactory { EnvironmentName = Environments.Production }
            .WithSetting("GraphQL:WebSockets:AllowedOrigins:0", "https://app.example.com");
        var server = factory.StartOnLoopback();
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        socket.Options.AddSubProtocol(GraphQLSocket.SubProtocol);
        socket.Options.SetRequestHeader("Origin", "https://evil.example.com");

        await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(GraphQLSocket.WebSocketUrl(server), default));

        Assert.Equal(HttpStatusCode.Forbidden, socket.HttpStatusCode);
    }

    [Theory]
    [InlineData("https://app.example.com")]
    [InlineData(null)]
    public async Task OutsideDevelopmentAListedOriginOrNoOriginConnects(string? origin)
    {
        using var factory = new ApiFactory { EnvironmentName = Environments.Production }
            .WithSetting("GraphQL:WebSockets:AllowedOrigins:0", "https://app.example.com");
        var server = factory.StartOnLoopback();

        await using var socket = await GraphQLSocket.ConnectAsync(server, options =>
        {
            if (origin is not null)
            {
                options.SetRequestHeader("Origin", origin);
            }
        });
        await socket.InitAsync();

        Assert.Equal(GraphQLSocket.SubProtocol, socket.Socket.SubProtocol);
    }

    [Fact]
    public async Task OutsideDevelopmentWithNoListAnyBrowserOriginIsRefused()
    {
        using var factory = new ApiFactory { EnvironmentName = Environments.Production };
        var server = factory.StartOnLoopback();
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        socket.Options.AddSubProtocol(GraphQLSocket.SubProtocol);
        socket.Options.SetRequestHeader("Origin", server.GetLeftPart(UriPartial.Authority));

        await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(GraphQLSocket.WebSocketUrl(server), default));

        Assert.Equal(HttpStatusCode.Forbidden, socket.HttpStatusCode);
    }

    [Fact]
    public async Task InDevelopmentWithNoListAnyOriginConnects()
    {
        using var factory = new ApiFactory();
        var server = factory.StartOnLoopback();

        await using var socket = await GraphQLSocket.ConnectAsync(server, options => options.SetRequestHeader("Origin", "http://localhost:3000"));

        await socket.InitAsync();
    }

    [Fact]
    public void AnAllowedOriginWithAPathStopsTheServerAtStartUp()
    {
        using var factory = new ApiFactory().WithSetting("GraphQL:WebSockets:AllowedOrigins:0", "https://app.example.com/path");

        var error = Assert.ThrowsAny<Exception>(() => factory.Server);

        Assert.Contains("GraphQL:WebSockets:AllowedOrigins", error.ToString(), StringComparison.Ordinal);
    }
}
