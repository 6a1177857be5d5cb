using System.Net;
using AlpacaConnect.Gql.Tests.TestHost;
using Microsoft.Extensions.Hosting;

namespace AlpacaConnect.Gql.Tests.Sandbox;

/// <summary>Outside Development nobody moves the simulator's prices without the configured control secret.</summary>
public sealed class ControlSecretTests
{
    private const string Secret = "control-secret-for-tests-only-42";
    private const string Header = "X-Sandbox-Control-Secret";

    [Theory]
    [InlineData(null)]
    [InlineData("a-wrong-secret-of-some-length")]
    public async Task OutsideDevelopmentTheControlEndpointsRefuseACallerWithoutTheSecret(string? sent)
    {
        using var production = new ApiFactory { EnvironmentName = Environments.Production }.WithSetting("Sandbox:ControlSecret", Secret);
        using var client = production.CreateClient();

        using var price = await SetPriceAsync(client, sent);
        using var users = await SendAsync(client, HttpMethod.Get, "/sandbox/control/users", sent);

        Assert.Equal(HttpStatusCode.Forbidden, price.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, users.StatusCode);
        Assert.DoesNotContain(Secret, await price.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OutsideDevelopmentTheControlEndpointsWorkWithTheSecret()
    {
        using var production = new ApiFactory { EnvironmentName = Environments.Production }.WithSetting("Sandbox:ControlSecret", Secret);
        using var client = production.CreateClient();

        using var price = await SetPriceAsync(client, Secret);
        using var users = await SendAsync(client, HttpMethod.Get, "/sandbox/control/users", Secret);

        Assert.Equal(HttpStatusCode.OK, price.StatusCode);
        Assert.Equal(HttpStatusCode.OK, users.StatusCode);
    }

    [Fact]
    public async Task OutsideDevelopmentWithoutAConfiguredSecretTheControlEndpointsAreClosed()
    {
        using var production = new ApiFactory { EnvironmentName = Environments.Production };
        using var client = production.CreateClient();

        using var price = await SetPriceAsync(client, sent: null);

        Assert.Equal(HttpStatusCode.Forbidden, price.StatusCode);
        Assert.Contains("Sandbox:ControlSecret", await price.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task InDevelopmentTheControlEndpointsStayOpen()
    {
        using var development = new ApiFactory();
        using var client = development.CreateClient();

        using var price = await SetPriceAsync(client, sent: null);

        Assert.Equal(HttpStatusCode.OK, price.StatusCode);
    }

    [Fact]
    public void AControlSecretTooShortToResistGuessingStopsTheServer()
    {
        using var production = new ApiFactory { EnvironmentName = Environments.Production }.WithSetting("Sandbox:ControlSecret", "short");

        var error = OptionsFailure.Of(() => production.CreateClient());

        Assert.Contains("ControlSecret", error.Message, StringComparison.Ordinal);
    }

    private static Task<HttpResponseMessage> SetPriceAsync(HttpClient client, string? sent) =>
        SendAsync(client, HttpMethod.Put, "/sandbox/control/prices/AAPL", sent, """{"price": "123.45"}""");

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, string? sent, string? json = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (json is not null)
        {
            request.Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        }

        if (sent is not null)
        {
            request.Headers.Add(Header, sent);
        }

        return await client.SendAsync(request);
    }
}
