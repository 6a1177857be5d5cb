using System.Net;
using System.Text;
using AlpacaConnect.Sandbox;

namespace AlpacaConnect.Gql.Tests.Sandbox;

public sealed class OAuthConformanceTests : IClassFixture<SandboxHost>
{
    private readonly SandboxHost _host;

    public OAuthConformanceTests(SandboxHost host)
    {
        _host = host;
        host.Control.Reset();
    }

    [Fact]
    public async Task TheConsentPageNamesTheAppTheScopesAndTheEnvironmentAndEscapesWhatItEchoes()
    {
        _host.OAuthClient.RegisterRedirectUri(_host.RedirectUri);
        using var client = _host.Http();
        var url = $"{SandboxPaths.Authorize}?response_type=code&client_id=sandbox-client&redirect_uri={Uri.EscapeDataString(_host.RedirectUri)}" +
            "&scope=account%3Awrite%20trading&env=paper&state=%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E";
        using var response = await client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("RichesReach (sandbox)", html);
        Assert.Contains("<code>account:write</code>", html);
        Assert.Contains("<code>trading</code>", html);
        Assert.Contains("<strong id=\"env\">paper</strong>", html);
        Assert.Contains("PA3ALICE0001", html);
        Assert.Contains("id=\"linking-hint\"", html); // a second app user of a dev server picks another account
        Assert.DoesNotContain("593100001", html); // env=paper offers only paper accounts
        Assert.DoesNotContain("<script>", html);
        Assert.Contains("&quot;&gt;&lt;script&gt;", html);
    }

    [Theory]
    [InlineData("response_type=code&client_id=unknown-client", "unknown client")]
    [InlineData("response_type=code&client_id=sandbox-client&redirect=other", "redirect_uri is not registered")]
    [InlineData("response_type=token&client_id=sandbox-client", "response_type must be code")]
    public async Task ABadAuthorizeRequestShowsAnErrorPageAndDoesNotRedirect(string query, string expected)
    {
        _host.OAuthClient.RegisterRedirectUri(_host.RedirectUri);
        var redirect = query.Contains("redirect=other", StringComparison.Ordinal) ? "http://evil.example/cb" : _host.RedirectUri;
        using var client = _host.Http();
        using var response = await client.GetAsync($"{SandboxPaths.Authorize}?{query}&redirect_uri={Uri.EscapeDataString(redirect)}&state=s");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(expected, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ApprovingRedirectsWithCodeAndStateAndDenyingWithAccessDenied()
    {
        var approved = await _host.ApproveAsync(state: "abc 123");
        var denied = await _host.ApproveAsync(state: "xyz", decision: "deny");

        Assert.StartsWith(_host.RedirectUri + "?", approved.ToString(), StringComparison.Ordinal);
        Assert.True(Guid.TryParse(approved.Query("code"), out _));
        Assert.Equal("abc 123", approved.Query("state"));
        Assert.Equal("access_denied", denied.Query("error"));
        Assert.NotEmpty(denied.Query("error_description"));
        Assert.Equal("xyz", denied.Query("state"));
        Assert.Empty(denied.Query("code"));
    }

    [Fact]
    public async Task TheCodeExchangesOnceForABearerTokenWithTheGrantedScope()
    {
        var code = (await _host.ApproveAsync(scope: "account:write trading")).Query("code");

        using var first = await _host.ExchangeAsync(code);
        using var second = await _host.ExchangeAsync(code);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var token = await first.JsonAsync();
        Assert.Equal(["access_token", "scope", "token_type"], token.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal("bearer", token.Str("token_type"));
        Assert.Equal("account:write trading", token.Str("scope"));
        Assert.Equal("no-store", first.Headers.CacheControl?.ToString());
        await second.AssertErrorAsync(401, 40110000, "invalid_grant");
    }

    [Fact]
    public async Task TheTokenEndpointAcceptsOnlyFormEncodedBodies()
    {
        var code = (await _host.ApproveAsync()).Query("code");
        var json = $$"""{"grant_type":"authorization_code","code":"{{code}}","client_id":"sandbox-client","client_secret":"{{_host.OAuthClient.ClientSecret}}","redirect_uri":"{{_host.RedirectUri}}"}""";
        using var client = _host.Http();

        using var asJson = await client.PostAsync(SandboxPaths.Token, new StringContent(json, Encoding.UTF8, "application/json"));
        using var noContentType = await client.PostAsync(SandboxPaths.Token, new ByteArrayContent(Encoding.UTF8.GetBytes($"grant_type=authorization_code&code={code}")));

        await asJson.AssertErrorAsync(401, 40110000, "invalid_client");
        await noContentType.AssertErrorAsync(401, 40110000, "invalid_client");
    }

    [Fact]
    public async Task AWrongSecretIsInvalidClientAndAWrongRedirectUriIsInvalidGrant()
    {
        var code = (await _host.ApproveAsync()).Query("code");
        var otherCode = (await _host.ApproveAsync()).Query("code");

        using var wrongSecret = await _host.ExchangeAsync(code, secret: "not-the-secret");
        using var wrongRedirect = await _host.ExchangeAsync(otherCode, redirectUri: "http://localhost:5080/auth/alpaca/callback");

        await wrongSecret.AssertErrorAsync(401, 40110000, "invalid_client");
        await wrongRedirect.AssertErrorAsync(401, 40110000, "invalid_grant");
    }

    [Fact]
    public async Task ATokenWorksOnlyInTheEnvironmentItWasGrantedFor()
    {
        var code = (await _host.ApproveAsync(env: "live")).Query("code");
        using var exchange = await _host.ExchangeAsync(code);
        var token = (await exchange.JsonAsync()).Str("access_token");

        using var live = await _host.Trading(SandboxEnvironment.Live, token).GetAsync("v2/account");
        using var paper = await _host.Trading(SandboxEnvironment.Paper, token).GetAsync("v2/account");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal("593100001", (await live.JsonAsync()).Str("account_number"));
        await paper.AssertErrorAsync(401, 40110000, "access token is not authorized for this scope");
    }

    [Fact]
    public async Task WithoutEnvTheTokenCoversOnePaperAndOneLiveAccount()
    {
        _host.OAuthClient.RegisterRedirectUri(_host.RedirectUri);
        using var client = _host.Http();
        using var response = await client.PostAsync(SandboxPaths.Authorize, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["response_type"] = "code", ["client_id"] = "sandbox-client", ["redirect_uri"] = _host.RedirectUri, ["user"] = "bob", ["decision"] = "approve",
        }));
        using var exchange = await _host.ExchangeAsync(response.Headers.Location!.Query("code"));
        var token = (await exchange.JsonAsync()).Str("access_token");

        Assert.Equal("PA3BOB000002", (await (await _host.Trading(SandboxEnvironment.Paper, token).GetAsync("v2/account")).JsonAsync()).Str("account_number"));
        Assert.Equal("593100002", (await (await _host.Trading(SandboxEnvironment.Live, token).GetAsync("v2/account")).JsonAsync()).Str("account_number"));
        Assert.Empty(response.Headers.Location!.Query("state"));
    }

    [Fact]
    public async Task MissingUnknownAndRevokedTokensAreNotAuthorized()
    {
        var token = _host.Token();
        using var missing = await _host.Trading(SandboxEnvironment.Paper, null).GetAsync("v2/account");
        using var unknown = await _host.Trading(SandboxEnvironment.Paper, Guid.NewGuid().ToString()).GetAsync("v2/account");
        using var before = await _host.Trading(SandboxEnvironment.Paper, token).GetAsync("v2/account");
        Assert.True(_host.Control.RevokeToken(token));
        using var after = await _host.Trading(SandboxEnvironment.Paper, token).GetAsync("v2/account");

        await missing.AssertErrorAsync(401, 40110000, "request is not authorized");
        await unknown.AssertErrorAsync(401, 40110000, "request is not authorized");
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        await after.AssertErrorAsync(401, 40110000, "request is not authorized");
    }

    [Fact]
    public async Task ATokenWithoutTheTradingScopeCanReadButNotPlaceOrders()
    {
        var readOnly = _host.Token(scope: "");
        var client = _host.Trading(SandboxEnvironment.Paper, readOnly);

        using var read = await client.GetAsync("v2/orders");
        using var write = await client.PostJsonAsync("v2/orders", """{"symbol":"AAPL","qty":"1","side":"buy","type":"market","time_in_force":"day"}""");

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        await write.AssertErrorAsync(401, 40110000, "token is not authorized for this scope");
    }

    [Fact]
    public async Task TheRequestLogShowsOAuthTrafficWithoutSecrets()
    {
        var code = (await _host.ApproveAsync()).Query("code");
        using var exchange = await _host.ExchangeAsync(code);
        var token = (await exchange.JsonAsync()).Str("access_token");
        using var account = await _host.Trading(SandboxEnvironment.Paper, token).GetAsync("v2/account");

        var log = _host.Control.Requests;
        Assert.Equal(["POST /oauth/authorize", "POST /oauth/token", "GET /v2/account"], log.Select(r => r.Route));
        Assert.Equal([302, 200, 200], log.Select(r => r.Status));
        Assert.Equal("paper", log[2].Environment);
        Assert.Equal(AlpacaConnect.Sandbox.OAuth.TokenFingerprint.Of(token), log[2].TokenFingerprint);
        var everything = System.Text.Json.JsonSerializer.Serialize(log);
        Assert.DoesNotContain(token, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(code, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(_host.OAuthClient.ClientSecret, everything, StringComparison.Ordinal);
    }
}
