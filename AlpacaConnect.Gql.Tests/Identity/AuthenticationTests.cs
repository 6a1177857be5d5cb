using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using AlpacaConnect.Gql.Identity;
using AlpacaConnect.Gql.Tests.TestHost;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace AlpacaConnect.Gql.Tests.Identity;

public sealed class AuthenticationTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task AUserFieldAskedAnonymouslyGivesATypedUnauthenticatedError()
    {
        using var client = factory.CreateClient();

        var response = await client.PostGraphQLAsync("{ me { id } }");

        Assert.Equal(["UNAUTHENTICATED"], response.ErrorCodes);
        Assert.False(response.HasData);
    }

    [Fact]
    public async Task ASignedInUserSeesThemselves()
    {
        using var client = factory.CreateClientFor("alice");

        var response = await client.PostGraphQLAsync("{ me { id name } }");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("""{"me":{"id":"alice","name":"alice"}}""", response.Data.GetRawText());
    }

    [Theory]
    [InlineData("not-a-jwt")]
    [InlineData("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJtYWxsb3J5In0.c2lnbmF0dXJl")]
    public async Task ABadTokenGets401(string token)
    {
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        using var response = await client.PostAsJsonAsync("/graphql", new { query = "{ __typename }" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
    }

    [Fact]
    public async Task ATokenSignedWithAnotherKeyGets401()
    {
        using var other = new ApiFactory().WithSetting("Jwt:SigningKey", "another-signing-key-another-signing-key-0123456789");
        var forged = other.TokenFor("alice");
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", forged);

        using var response = await client.PostAsJsonAsync("/graphql", new { query = "{ me { id } }" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task InDevelopmentDevTokenIssuesAWorkingTokenForANamedUser()
    {
        using var client = factory.CreateClient();

        using var issued = await client.PostAsJsonAsync("/dev/token", new { user = "bob" });
        var token = await issued.Content.ReadFromJsonAsync<DevToken>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.AccessToken);
        var me = await client.PostGraphQLAsync("{ me { id } }");

        Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
        Assert.Equal("bob", me.Data.GetProperty("me").GetProperty("id").GetString());
    }

    [Fact]
    public async Task DevTokenRefusesAnUnreasonableUserName()
    {
        using var client = factory.CreateClient();

        using var issued = await client.PostAsJsonAsync("/dev/token", new { user = "<script>" });

        Assert.Equal(HttpStatusCode.BadRequest, issued.StatusCode);
    }

    [Fact]
    public async Task DevTokenDoesNotExistInProduction()
    {
        using var production = new ApiFactory { EnvironmentName = Environments.Production };
        using var client = production.CreateClient();

        using var issued = await client.PostAsJsonAsync("/dev/token", new { user = "bob" });

        Assert.Equal(HttpStatusCode.NotFound, issued.StatusCode);
    }

    [Fact]
    public void ProductionWithoutASigningKeyOrAuthorityRefusesToStart()
    {
        using var production = new ApiFactory { EnvironmentName = Environments.Production }.WithSetting("Jwt:SigningKey", null);

        var error = Assert.Throws<OptionsValidationException>(() => production.CreateClient());

        Assert.Contains("Jwt:SigningKey", error.Message, StringComparison.Ordinal);
    }
}
