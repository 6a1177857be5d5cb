using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Mvc.Testing;

namespace AlpacaConnect.Gql.Tests.Sandbox;

/// <summary>
/// The simulator alone (<c>dotnet run --project AlpacaConnect.Sandbox</c>, decision 0021): a token from its dev path,
/// then the Trading API with it, under the same paths the server embeds it at.
/// </summary>
public sealed class StandaloneSandboxTests
{
    [Fact]
    public async Task TheSimulatorAloneIssuesADevTokenThatTheTradingApiAccepts()
    {
        using var simulator = new WebApplicationFactory<AlpacaConnect.Sandbox.Program>();
        using var client = simulator.CreateClient();

        using var issued = await client.PostJsonAsync("/sandbox/control/tokens", """{"user":"alice","environment":"paper"}""");
        Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
        var token = await issued.JsonAsync();
        Assert.Equal("bearer", token.Str("token_type"));
        Assert.Equal("account:write trading data", token.Str("scope"));

        using var request = new HttpRequestMessage(HttpMethod.Get, "/sandbox/paper/v2/account");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Str("access_token"));
        using var account = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, account.StatusCode);
        Assert.Equal("PA3ALICE0001", (await account.JsonAsync()).Str("account_number"));
    }

    [Fact]
    public async Task TheDevTokenPathRefusesAUserThatIsNotSeeded()
    {
        using var simulator = new WebApplicationFactory<AlpacaConnect.Sandbox.Program>();
        using var client = simulator.CreateClient();

        using var refused = await client.PostJsonAsync("/sandbox/control/tokens", """{"user":"mallory"}""");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
    }
}
