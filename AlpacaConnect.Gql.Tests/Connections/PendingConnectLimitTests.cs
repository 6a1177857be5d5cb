using AlpacaConnect.Gql.Tests.TestHost;

namespace AlpacaConnect.Gql.Tests.Connections;

/// <summary>A user may hold only so many started, unfinished connect flows (each is a database row until it expires).</summary>
public sealed class PendingConnectLimitTests : IDisposable
{
    private const string Connect =
        "mutation { connectAlpaca(input: { environment: PAPER, returnTo: \"https://app.test/alpaca/done\" }) { authorizationUrl errors { ... on Error { code } ... on TooManyPendingConnectsError { limit } } } }";

    private readonly ApiFactory _factory = new ApiFactory()
        .WithSetting("Connections:AllowedReturnTo:0", "https://app.test/alpaca/done")
        .WithSetting("Connections:MaxPendingFlowsPerUser", "2");

    [Fact]
    public async Task AUserPastThePendingFlowCapGetsATypedErrorWhileAnotherUserStartsAFlow()
    {
        var server = _factory.StartOnLoopback();
        using var address = new SourceAddress("127.0.0.1");
        using var alice = address.HttpClient(server, _factory.TokenFor("alice"));
        using var bob = address.HttpClient(server, _factory.TokenFor("bob"));

        for (var i = 0; i < 2; i++)
        {
            var response = await alice.PostGraphQLAsync(Connect);
            Assert.True(response.HasData, response.Raw);
            var started = response.Data.GetProperty("connectAlpaca");
            Assert.Equal(0, started.GetProperty("errors").GetArrayLength());
        }

        var refused = (await alice.PostGraphQLAsync(Connect)).Data.GetProperty("connectAlpaca");
        Assert.Equal(System.Text.Json.JsonValueKind.Null, refused.GetProperty("authorizationUrl").ValueKind);
        var error = refused.GetProperty("errors").EnumerateArray().Single();
        Assert.Equal("TOO_MANY_PENDING_CONNECTS", error.GetProperty("code").GetString());
        Assert.Equal(2, error.GetProperty("limit").GetInt32());

        var bobStarted = (await bob.PostGraphQLAsync(Connect)).Data.GetProperty("connectAlpaca");
        Assert.Equal(0, bobStarted.GetProperty("errors").GetArrayLength());
        Assert.StartsWith("http", bobStarted.GetProperty("authorizationUrl").GetString(), StringComparison.Ordinal);
    }

    public void Dispose() => _factory.Dispose();
}
