using AlpacaConnect.Gql.Tests.Sandbox;
using AlpacaConnect.Gql.Tests.TestHost;

namespace AlpacaConnect.Gql.Tests.Connections;

/// <summary>The app learns over its socket that the callback completed, without polling; only about its own user.</summary>
public sealed class ConnectionSubscriptionTests : IDisposable
{
    private readonly SandboxHost _host = new();
    private readonly ConnectDriver _driver;

    public ConnectionSubscriptionTests()
    {
        _host.WithSetting("Connections:AllowedReturnTo:0", ConnectDriver.ReturnTo);
        _driver = new ConnectDriver(_host);
    }

    [Fact]
    public async Task AlpacaConnectionChangedTellsTheUserWhenTheConnectionIsLinkedAndDisconnected()
    {
        await using var alice = await GraphQLSocket.ConnectAsync(_host.BaseUri);
        await alice.InitAsync(_host.TokenFor("app-alice"));
        await alice.SubscribeAsync("changes", "subscription { alpacaConnectionChanged { status accountNumber } }");
        await using var bob = await GraphQLSocket.ConnectAsync(_host.BaseUri);
        await bob.InitAsync(_host.TokenFor("app-bob"));
        await bob.SubscribeAsync("changes", "subscription { alpacaConnectionChanged { status } }");

        await _driver.ConnectAsync("app-alice");
        var linked = await alice.ExpectAsync("next", "changes");
        await _driver.GraphQLAsync("app-alice", "mutation { disconnectAlpaca { errors { __typename } } }");
        var disconnected = await alice.ExpectAsync("next", "changes");
        await bob.SubscribeAsync("probe", "{ __typename }");
        var bobsFirst = await bob.ExpectAsync("next");

        Assert.Equal("CONNECTED", linked.GetProperty("payload").GetProperty("data").GetProperty("alpacaConnectionChanged").GetProperty("status").GetString());
        Assert.Equal("PA3ALICE0001", linked.GetProperty("payload").GetProperty("data").GetProperty("alpacaConnectionChanged").GetProperty("accountNumber").GetString());
        Assert.Equal("NOT_CONNECTED", disconnected.GetProperty("payload").GetProperty("data").GetProperty("alpacaConnectionChanged").GetProperty("status").GetString());
        Assert.Equal("probe", bobsFirst.GetProperty("id").GetString()); // nothing of Alice's reached Bob first
    }

    public void Dispose()
    {
        _driver.Dispose();
        _host.Dispose();
    }
}
