using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using AlpacaConnect.Gql.Tests.TestHost;
using Microsoft.Extensions.Hosting;

namespace AlpacaConnect.Gql.Tests.GraphQL.Explorer;

/// <summary>How browsers reach the explorer, and that nothing else about <c>/graphql</c> changes.</summary>
public sealed class ExplorerTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private HttpClient Client() => factory.CreateClient(new() { AllowAutoRedirect = false });

    [Fact]
    public async Task ABrowserNavigatingToGraphQLIsSentToTheExplorer()
    {
        using var client = Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql");
        request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/graphql/ui/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task TheExplorerPageNeedsItsTrailingSlashAndIsServedWithIt()
    {
        using var client = Client();

        using var withoutSlash = await client.GetAsync("/graphql/ui");
        using var page = await client.GetAsync("/graphql/ui/");

        Assert.Equal(HttpStatusCode.Redirect, withoutSlash.StatusCode);
        Assert.Equal("/graphql/ui/", withoutSlash.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<title>Banana Cake Pop</title>", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheExplorerConfigPointsAtThisServersHttpAndWebSocketEndpoints()
    {
        using var client = Client();

        var config = JsonDocument.Parse(await client.GetStringAsync("/graphql/ui/bcp-config.json")).RootElement;

        Assert.Equal("http://localhost/graphql", config.GetProperty("endpoint").GetString());
        Assert.Equal("ws://localhost/graphql", config.GetProperty("subscriptionEndpoint").GetString());
        Assert.False(config.GetProperty("useBrowserUrlAsEndpoint").GetBoolean());
        Assert.True(config.GetProperty("disableTelemetry").GetBoolean());
    }

    [Fact]
    public async Task InDevelopmentTheExplorerConfigSignsNewDocumentsInAsTheDevUser()
    {
        using var client = Client();

        using var response = await client.GetAsync("/graphql/ui/bcp-config.json");
        var authorization = await DefaultAuthorizationAsync(response);

        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.StartsWith("Bearer ", authorization, StringComparison.Ordinal);
        Assert.Equal("dev-user", await ViewerIdAsync(factory, authorization!));
    }

    [Fact]
    public async Task TheExplorerSignsInAsTheConfiguredDevUser()
    {
        using var alice = new ApiFactory().WithSetting("GraphQL:Explorer:DevUser", "alice");
        using var client = alice.CreateClient();

        using var response = await client.GetAsync("/graphql/ui/bcp-config.json");

        Assert.Equal("alice", await ViewerIdAsync(alice, (await DefaultAuthorizationAsync(response))!));
    }

    [Theory]
    [InlineData("Development", "")]
    [InlineData("Production", "alice")]
    [InlineData("Production", null)]
    public async Task WithoutADevUserOrOutsideDevelopmentTheExplorerIsAnonymous(string environment, string? devUser)
    {
        using var host = new ApiFactory { EnvironmentName = environment }
            .WithSetting("GraphQL:Explorer:Enabled", "true")
            .WithSetting("GraphQL:Explorer:DevUser", devUser);
        using var client = host.CreateClient();

        using var response = await client.GetAsync("/graphql/ui/bcp-config.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(await DefaultAuthorizationAsync(response));
    }

    [Fact]
    public void ADevUserThatIsNoUserIdStopsTheServerAtStartUp()
    {
        using var host = new ApiFactory().WithSetting("GraphQL:Explorer:DevUser", "not a user id");

        var error = Assert.ThrowsAny<Exception>(() => host.CreateClient());

        Assert.Contains("GraphQL:Explorer:DevUser", error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/graphql/ui/../../package.json")]
    [InlineData("/graphql/ui/%2e%2e/%2e%2e/package.json")]
    [InlineData("/graphql/ui/nope.js")]
    public async Task OnlyFilesOfTheBundleAreServed(string path)
    {
        using var client = Client();

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("application/graphql-response+json")]
    [InlineData(null)]
    public async Task NonBrowserGetsOfGraphQLBehaveAsBefore(string? accept)
    {
        using var client = Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql");
        if (accept is not null)
        {
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        }

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["BAD_REQUEST"], (await GraphQLHttp.ReadAsync(response)).ErrorCodes);
    }

    [Fact]
    public async Task AGraphQLGetFromABrowserStillRunsTheQuery()
    {
        using var client = Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql?query=%7B__typename%7D");
        request.Headers.Accept.ParseAdd("text/html,*/*;q=0.8");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"data":{"__typename":"Query"}}""", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("Production", null)]
    [InlineData("Development", "false")]
    public async Task WhenTheExplorerIsOffBrowsersGetTheGraphQLEndpointAsBefore(string environment, string? enabled)
    {
        using var off = new ApiFactory { EnvironmentName = environment }.WithSetting("GraphQL:Explorer:Enabled", enabled);
        using var client = off.CreateClient(new() { AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql");
        request.Headers.Accept.ParseAdd("text/html");

        using var navigation = await client.SendAsync(request);
        using var page = await client.GetAsync("/graphql/ui/");

        Assert.NotEqual(HttpStatusCode.Redirect, navigation.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
    }

    [Fact]
    public async Task TheExplorerCanBeTurnedOnOutsideDevelopment()
    {
        using var on = new ApiFactory { EnvironmentName = Environments.Production }.WithSetting("GraphQL:Explorer:Enabled", "true");
        using var client = on.CreateClient(new() { AllowAutoRedirect = false });

        using var page = await client.GetAsync("/graphql/ui/");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    /// <summary>The <c>Authorization</c> header new explorer documents start with, or null.</summary>
    private static async Task<string?> DefaultAuthorizationAsync(HttpResponseMessage configResponse)
    {
        var config = JsonDocument.Parse(await configResponse.Content.ReadAsStringAsync()).RootElement;
        return config.TryGetProperty("httpHeaders", out var headers) ? headers.GetProperty("Authorization").GetString() : null;
    }

    private static async Task<string?> ViewerIdAsync(ApiFactory host, string authorization)
    {
        using var client = host.CreateClient();
        client.DefaultRequestHeaders.Add("Authorization", authorization);
        var response = await client.PostGraphQLAsync("{ me { id } }");
        return response.Data.GetProperty("me").GetProperty("id").GetString();
    }
}
