using System.Net;
using AlpacaConnect.Gql.Connections;
using AlpacaConnect.Gql.Persistence;
using AlpacaConnect.Gql.Tests.Sandbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AlpacaConnect.Gql.Tests.Connections;

public sealed class ConnectionFlowTests : IDisposable
{
    private readonly SandboxHost _host = new();
    private readonly ConnectDriver _driver;

    public ConnectionFlowTests()
    {
        _host.WithSetting("Connections:AllowedReturnTo:0", ConnectDriver.ReturnTo);
        _driver = new ConnectDriver(_host);
    }

    private int TokenRequests => _host.Control.Requests.Count(r => r.Path.EndsWith("/oauth/token", StringComparison.Ordinal));

    private async Task<int> RowsAsync<T>()
        where T : class
    {
        await using var db = await _host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.Set<T>().CountAsync();
    }

    [Fact]
    public async Task ApprovingAndCompletingLinksTheSandboxAccount()
    {
        var completed = await _driver.ConnectAsync("app-alice", sandboxUser: "alice");

        var connection = completed.Data.GetProperty("completeAlpacaConnection").GetProperty("connection");
        Assert.Equal("CONNECTED", connection.GetProperty("status").GetString());
        Assert.Equal("PAPER", connection.GetProperty("environment").GetString());
        Assert.Equal("PA3ALICE0001", connection.GetProperty("accountNumber").GetString());
        Assert.Contains("trading", connection.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()));
        var read = await _driver.ConnectionAsync("app-alice");
        Assert.Equal("CONNECTED", read.GetProperty("status").GetString());
        Assert.Equal("ACTIVE", read.GetProperty("accountStatus").GetString());
        Assert.Equal(1, TokenRequests);
    }

    [Fact]
    public async Task TheAuthorizeUrlCarriesTheRealScopesEnvironmentAndExactCallback()
    {
        var url = await _driver.StartAsync("app-alice");

        Assert.Equal("/sandbox/oauth/authorize", url.AbsolutePath);
        Assert.Equal("code", ConnectDriver.QueryValue(url, "response_type"));
        Assert.Equal("account:write trading data", ConnectDriver.QueryValue(url, "scope"));
        Assert.Equal("paper", ConnectDriver.QueryValue(url, "env"));
        Assert.Equal(new Uri(_host.BaseUri, ConnectionsExtensions.CallbackPath).ToString(), ConnectDriver.QueryValue(url, "redirect_uri"));
        Assert.Equal(43, ConnectDriver.QueryValue(url, "state").Length); // 256 bits, base64url
    }

    [Fact]
    public async Task DenyingSendsTheAppATypedErrorAndStoresNothing()
    {
        var callback = await _driver.DecideAsync(await _driver.StartAsync("app-alice"), decision: "deny");

        var (status, location, _) = await _driver.CallbackAsync(callback);

        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.StartsWith(ConnectDriver.ReturnTo, location!.ToString(), StringComparison.Ordinal);
        Assert.Equal("ACCESS_DENIED", ConnectDriver.QueryValue(location, "error"));
        Assert.Equal(0, TokenRequests);
        Assert.Equal(0, await RowsAsync<PendingConnection>());
        Assert.Equal("NOT_CONNECTED", (await _driver.ConnectionAsync("app-alice")).GetProperty("status").GetString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("forged-state-value-that-was-never-issued-000")]
    public async Task AMissingOrForgedStateIsRefusedWithoutATokenRequest(string? state)
    {
        var callback = await _driver.DecideAsync(await _driver.StartAsync("app-alice"));
        var code = ConnectDriver.QueryValue(callback, "code");
        var forged = new Uri(_host.BaseUri, $"{ConnectionsExtensions.CallbackPath}?code={code}" + (state is null ? "" : $"&state={state}"));

        var (status, location, body) = await _driver.CallbackAsync(forged);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Null(location);
        Assert.Contains("expired or was already used", body, StringComparison.Ordinal);
        Assert.Equal(0, TokenRequests);
        Assert.Equal(0, await RowsAsync<PendingConnection>());
    }

    [Fact]
    public async Task AReplayedStateIsRefusedWithoutASecondTokenRequest()
    {
        var callback = await _driver.DecideAsync(await _driver.StartAsync("app-alice"));
        Assert.Equal(HttpStatusCode.Redirect, (await _driver.CallbackAsync(callback)).Status);

        var (status, _, _) = await _driver.CallbackAsync(callback);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(1, TokenRequests);
        Assert.Equal(1, await RowsAsync<PendingConnection>());
    }

    [Fact]
    public async Task AReturnToOffTheAllowListIsRefusedAndStoresNothing()
    {
        var response = await _driver.GraphQLAsync("app-alice",
            "mutation { connectAlpaca(input: { environment: PAPER, returnTo: \"https://evil.test/alpaca/done\" }) { authorizationUrl errors { ... on Error { code } ... on ReturnToNotAllowedError { returnTo } } } }");

        var payload = response.Data.GetProperty("connectAlpaca");
        Assert.Equal(System.Text.Json.JsonValueKind.Null, payload.GetProperty("authorizationUrl").ValueKind);
        var error = Assert.Single(payload.GetProperty("errors").EnumerateArray());
        Assert.Equal("RETURN_TO_NOT_ALLOWED", error.GetProperty("code").GetString());
        Assert.Equal(0, await RowsAsync<OAuthState>());
    }

    [Fact]
    public async Task LiveIsRefusedUnlessConfigured()
    {
        var response = await _driver.GraphQLAsync("app-alice",
            $"mutation {{ connectAlpaca(input: {{ environment: LIVE, returnTo: \"{ConnectDriver.ReturnTo}\" }}) {{ errors {{ ... on Error {{ code }} }} }} }}");

        Assert.Equal("LIVE_TRADING_NOT_ALLOWED", response.Data.GetProperty("connectAlpaca").GetProperty("errors")[0].GetProperty("code").GetString());
    }

    [Fact]
    public async Task AForwardedAuthorizeLinkLinksNobody()
    {
        // Mallory starts a flow and gets Alice (the victim) to approve it with her Alpaca account.
        var callback = await _driver.DecideAsync(await _driver.StartAsync("app-mallory"), sandboxUser: "alice");
        var (_, location, _) = await _driver.CallbackAsync(callback);
        var code = ConnectDriver.QueryValue(location!, "completionCode");

        // Alice's app receives the completion code (the browser was hers) and tries it: refused.
        var byAlice = await _driver.CompleteAsync("app-alice", code);
        // Mallory cannot use it either: the code was single use.
        var byMallory = await _driver.CompleteAsync("app-mallory", code);

        Assert.Equal("INVALID_COMPLETION_CODE", byAlice.Data.GetProperty("completeAlpacaConnection").GetProperty("errors")[0].GetProperty("code").GetString());
        Assert.Equal("INVALID_COMPLETION_CODE", byMallory.Data.GetProperty("completeAlpacaConnection").GetProperty("errors")[0].GetProperty("code").GetString());
        Assert.Equal("NOT_CONNECTED", (await _driver.ConnectionAsync("app-alice")).GetProperty("status").GetString());
        Assert.Equal("NOT_CONNECTED", (await _driver.ConnectionAsync("app-mallory")).GetProperty("status").GetString());
        Assert.Equal(0, await RowsAsync<PendingConnection>());
    }

    [Fact]
    public async Task OneAlpacaAccountLinksToOneAppUser()
    {
        await _driver.ConnectAsync("app-alice", sandboxUser: "alice");

        var second = await _driver.ConnectAsync("app-bob", sandboxUser: "alice");

        var payload = second.Data.GetProperty("completeAlpacaConnection");
        Assert.Equal("ACCOUNT_ALREADY_LINKED", payload.GetProperty("errors")[0].GetProperty("code").GetString());
        // The code is spent: the message says how to go on, since a newcomer lost theirs here.
        Assert.Contains("choose another account", payload.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("NOT_CONNECTED", (await _driver.ConnectionAsync("app-bob")).GetProperty("status").GetString());
        Assert.Equal("CONNECTED", (await _driver.ConnectionAsync("app-alice")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task ReconnectingRepairsTheConnectionInPlace()
    {
        var first = (await _driver.ConnectAsync("app-alice")).Data.GetProperty("completeAlpacaConnection").GetProperty("connection").GetProperty("id").GetString();

        var second = (await _driver.ConnectAsync("app-alice")).Data.GetProperty("completeAlpacaConnection").GetProperty("connection");

        Assert.Equal(first, second.GetProperty("id").GetString());
        Assert.Equal("CONNECTED", second.GetProperty("status").GetString());
        Assert.Equal(1, await RowsAsync<AlpacaConnection>());
    }

    [Fact]
    public async Task DisconnectingForgetsTheTokens()
    {
        await _driver.ConnectAsync("app-alice");

        var response = await _driver.GraphQLAsync("app-alice", "mutation { disconnectAlpaca { connection { status } errors { ... on Error { code } } } }");
        var again = await _driver.GraphQLAsync("app-alice", "mutation { disconnectAlpaca { errors { ... on Error { code } } } }");

        Assert.Equal("NOT_CONNECTED", response.Data.GetProperty("disconnectAlpaca").GetProperty("connection").GetProperty("status").GetString());
        Assert.Equal("NOT_CONNECTED", again.Data.GetProperty("disconnectAlpaca").GetProperty("errors")[0].GetProperty("code").GetString());
        await using var db = await _host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var row = await db.Set<AlpacaConnection>().SingleAsync();
        Assert.Null(row.AccessTokenCiphertext);
        Assert.Null(row.RefreshTokenCiphertext);
    }

    [Fact]
    public async Task TheConnectionIsAnonymouslyUnreachable()
    {
        using var anonymous = new HttpClient { BaseAddress = _host.BaseUri };

        var response = await TestHost.GraphQLHttp.PostGraphQLAsync(anonymous, "{ alpacaConnection { status } }");

        Assert.Equal(["UNAUTHENTICATED"], response.ErrorCodes);
    }

    public void Dispose()
    {
        _driver.Dispose();
        _host.Dispose();
    }
}
