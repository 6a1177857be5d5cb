using System.Net;
using AlpacaConnect.Gql.Alpaca;
using AlpacaConnect.Gql.Alpaca.Models;

namespace AlpacaConnect.Gql.Tests.Alpaca;

/// <summary>Alpaca Connect's authorize URL and form-encoded token exchange; no secret ever reaches a message.</summary>
public sealed class OAuthClientTests : IDisposable
{
    private const string Code = "67f74f5a-a2cc-4ebd-88b4-22453fe07994";
    private static readonly Uri Callback = new("http://localhost:41920/callback");

    private readonly AlpacaTestHost _host = new();

    [Fact]
    public void AuthorizeUrlCarriesAlpacasParameters()
    {
        var url = _host.OAuth.BuildAuthorizeUrl("8e02c9c6a3484fad", Callback, null, AlpacaEnvironment.Paper);

        Assert.Equal("http://alpaca.test/sandbox/oauth/authorize", url.GetLeftPart(UriPartial.Path));
        Assert.Equal(
            "?response_type=code&client_id=test-client-id&redirect_uri=http%3A%2F%2Flocalhost%3A41920%2Fcallback"
            + "&state=8e02c9c6a3484fad&scope=account%3Awrite%20trading%20data&env=paper",
            url.Query);
    }

    [Fact]
    public void LiveAuthorizeUrlIsRefusedUnlessAllowed()
    {
        var error = Assert.Throws<AlpacaApiException>(() => _host.OAuth.BuildAuthorizeUrl("s", Callback, "trading", AlpacaEnvironment.Live));

        Assert.Equal(AlpacaErrorKind.EnvironmentNotAllowed, error.Kind);
    }

    [Fact]
    public async Task ExchangeSendsTheAuthorizationCodeGrantFormEncoded()
    {
        _host.Upstream.OnJson("POST", "/sandbox/oauth/token",
            """{"access_token":"79500537-5796-4230-9661-7f7108877c60","token_type":"bearer","scope":"account:write trading data"}""");

        var tokens = await _host.OAuth.ExchangeCodeAsync(Code, Callback);

        Assert.Equal(new AlpacaTokenSet("79500537-5796-4230-9661-7f7108877c60", "bearer", "account:write trading data"), tokens);
        var request = Assert.Single(_host.Upstream.Received);
        Assert.Equal("application/x-www-form-urlencoded", request.ContentType);
        Assert.Equal(
            $"grant_type=authorization_code&code={Code}&client_id=test-client-id&client_secret={AlpacaTestHost.ClientSecret}"
            + "&redirect_uri=http%3A%2F%2Flocalhost%3A41920%2Fcallback",
            request.Body);
        Assert.Null(request.Header("Authorization"));
    }

    [Fact]
    public async Task ExpiringTokensGetAnExpiryFromFakeTime()
    {
        _host.Upstream.OnJson("POST", "/sandbox/oauth/token",
            """{"access_token":"a","token_type":"BEARER","scope":"trading","expires_in":"900","refresh_token":"r"}""");

        var tokens = await _host.OAuth.ExchangeCodeAsync(Code, Callback);

        Assert.Equal(("r", _host.Time.GetUtcNow().AddMinutes(15)), (tokens.RefreshToken, tokens.ExpiresAt));
    }

    [Fact]
    public async Task NonBearerTokenIsRefused()
    {
        _host.Upstream.OnJson("POST", "/sandbox/oauth/token", """{"access_token":"a","token_type":"mac","scope":""}""");

        var error = await Assert.ThrowsAsync<AlpacaApiException>(() => _host.OAuth.ExchangeCodeAsync(Code, Callback));

        Assert.Equal(AlpacaErrorKind.InvalidResponse, error.Kind);
    }

    [Fact]
    public async Task RefusedExchangeNamesNoSecret()
    {
        _host.Upstream.OnJson("POST", "/sandbox/oauth/token",
            $$"""{"code":40110000,"message":"invalid_client: {{AlpacaTestHost.ClientSecret}} / {{Code}}"}""", HttpStatusCode.Unauthorized);

        var error = await Assert.ThrowsAsync<AlpacaApiException>(() => _host.OAuth.ExchangeCodeAsync(Code, Callback));

        Assert.Equal((AlpacaErrorKind.Rejected, 40110000), (error.Kind, error.AlpacaCode));
        Assert.Contains("invalid_client", error.Message, StringComparison.Ordinal);
        AssertNoSecret(error.ToString(), AlpacaTestHost.ClientSecret, Code);
        AssertNoSecret(error.UpstreamMessage!, AlpacaTestHost.ClientSecret, Code);
    }

    [Fact]
    public async Task UnreadableTokenAnswerNamesNoToken()
    {
        _host.Upstream.OnJson("POST", "/sandbox/oauth/token", """{"access_token":"tok-8c1d4e","token_type":""");

        var error = await Assert.ThrowsAsync<AlpacaApiException>(() => _host.OAuth.ExchangeCodeAsync(Code, Callback));

        Assert.Equal(AlpacaErrorKind.InvalidResponse, error.Kind);
        AssertNoSecret(error.ToString(), "tok-8c1d4e", AlpacaTestHost.ClientSecret, Code);
    }

    [Fact]
    public async Task RefusedTokenOnATradingCallNamesNoToken()
    {
        _host.Upstream.OnJson("GET", "/sandbox/paper/v2/account", """{"code":40110000,"message":"request is not authorized"}""", HttpStatusCode.Unauthorized);

        var error = await Assert.ThrowsAsync<AlpacaReauthRequiredException>(() => _host.Trading(_host.Connect("tok-77a1")).GetAccountAsync());

        AssertNoSecret(error.ToString(), "tok-77a1");
    }

    [Fact]
    public void TokensAreRedactedFromToString()
    {
        var tokens = new AlpacaTokenSet("access-9f2", "bearer", "trading", "refresh-3c7", DateTimeOffset.UnixEpoch);
        var credential = new AlpacaCredential("access-9f2", "refresh-3c7", DateTimeOffset.UnixEpoch);

        AssertNoSecret(tokens.ToString(), "access-9f2", "refresh-3c7");
        AssertNoSecret(credential.ToString(), "access-9f2", "refresh-3c7");
        Assert.Contains("trading", tokens.ToString(), StringComparison.Ordinal);
    }

    private static void AssertNoSecret(string text, params string[] secrets)
    {
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        }
    }

    public void Dispose() => _host.Dispose();
}
