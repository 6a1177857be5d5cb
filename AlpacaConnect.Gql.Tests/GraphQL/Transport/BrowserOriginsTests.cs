using System.Net;
using System.Net.Http.Headers;
using AlpacaConnect.Gql.Tests.TestHost;
using Microsoft.Extensions.Hosting;

namespace AlpacaConnect.Gql.Tests.GraphQL.Transport;

/// <summary>Web apps on another origin: a configured allow-list, the preflight answered, everyone else refused.</summary>
public sealed class BrowserOriginsTests
{
    private const string App = "https://app.example.com";

    [Fact]
    public async Task AnAllowedOriginsPreflightSucceeds()
    {
        using var production = new ApiFactory { EnvironmentName = Environments.Production }.WithSetting("GraphQL:AllowedOrigins:0", App);
        using var client = production.CreateClient();

        using var preflight = await PreflightAsync(client, App);

        Assert.Equal(HttpStatusCode.NoContent, preflight.StatusCode);
        Assert.Equal(App, Single(preflight, "Access-Control-Allow-Origin"));
        Assert.Contains("POST", Single(preflight, "Access-Control-Allow-Methods"), StringComparison.Ordinal);
        Assert.Contains("authorization", Single(preflight, "Access-Control-Allow-Headers"), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("https://evil.example.com", App)]
    [InlineData("http://localhost:3000", null)]
    [InlineData(App, null)]
    public async Task AnotherOriginsPreflightIsRefused(string origin, string? allowed)
    {
        using var production = new ApiFactory { EnvironmentName = Environments.Production };
        if (allowed is not null)
        {
            production.WithSetting("GraphQL:AllowedOrigins:0", allowed);
        }

        using var client = production.CreateClient();

        using var preflight = await PreflightAsync(client, origin);

        Assert.NotEqual(HttpStatusCode.MethodNotAllowed, preflight.StatusCode);
        Assert.False(preflight.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task AnAllowedOriginReadsTheAnswerOfARequest()
    {
        using var production = new ApiFactory { EnvironmentName = Environments.Production }.WithSetting("GraphQL:AllowedOrigins:0", App);
        using var client = production.CreateClient();
        client.DefaultRequestHeaders.Add("Origin", App);

        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent("""{"query":"{ __typename }"}""") };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(App, Single(response, "Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task DevelopmentAllowsLoopbackOriginsOnly()
    {
        using var development = new ApiFactory();
        using var client = development.CreateClient();

        using var local = await PreflightAsync(client, "http://localhost:5173");
        using var elsewhere = await PreflightAsync(client, App);

        Assert.Equal("http://localhost:5173", Single(local, "Access-Control-Allow-Origin"));
        Assert.False(elsewhere.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task TheSharedListAlsoAdmitsTheOriginToWebSockets()
    {
        using var production = new ApiFactory { EnvironmentName = Environments.Production }.WithSetting("GraphQL:AllowedOrigins:0", App);
        var server = production.StartOnLoopback();

        await using var socket = await GraphQLSocket.ConnectAsync(server, options => options.SetRequestHeader("Origin", App));
        await socket.InitAsync(production.TokenFor("alice"));

        Assert.Equal(System.Net.WebSockets.WebSocketState.Open, socket.Socket.State);
    }

    [Fact]
    public void AnAllowedOriginWithAPathStopsTheServerNamingTheSetting()
    {
        using var production = new ApiFactory { EnvironmentName = Environments.Production }.WithSetting("GraphQL:AllowedOrigins:0", App + "/app");

        var error = OptionsFailure.Of(() => production.CreateClient());

        Assert.Contains("GraphQL:AllowedOrigins", error.Message, StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> PreflightAsync(HttpClient client, string origin)
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, "/graphql");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "authorization, content-type");
        return await client.SendAsync(request);
    }

    private static string Single(HttpResponseMessage response, string header) =>
        Assert.Single(response.Headers.GetValues(header));
}
