using System.Net;
using AlpacaConnect.Gql.Tests.TestHost;

namespace AlpacaConnect.Gql.Tests.Sandbox;

public sealed class SandboxModeTests
{
    [Fact]
    public async Task InAlpacaModeTheSandboxIsNotServed()
    {
        using var factory = new ApiFactory()
            .WithSetting("Alpaca:Mode", "Alpaca")
            .WithSetting("Alpaca:ClientId", "an-app")
            .WithSetting("Alpaca:ClientSecret", "not-a-real-secret")
            .WithSetting("Alpaca:RedirectUri", "https://app.test/auth/alpaca/callback");
        using var client = factory.CreateClient();

        using var authorize = await client.GetAsync("/sandbox/oauth/authorize?response_type=code&client_id=sandbox-client");
        using var account = await client.GetAsync("/sandbox/paper/v2/account");
        using var control = await client.GetAsync("/sandbox/control/requests");

        Assert.Equal(HttpStatusCode.NotFound, authorize.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, account.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, control.StatusCode);
    }

    [Fact]
    public void AnInvalidSandboxSettingStopsTheAppAtStartNamingTheSetting()
    {
        using var factory = new ApiFactory().WithSetting("Sandbox:Market:PartialFillProbability", "2");

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("PartialFillProbability", error.ToString(), StringComparison.Ordinal);
    }
}
