using System.Net;
using AlpacaConnect.Gql.Alpaca;
using AlpacaConnect.Gql.GraphQL.Errors;

namespace AlpacaConnect.Gql.Tests.Alpaca;

/// <summary>Tokens: refreshed once ahead of expiry for all callers; a 401 marks the connection once and is never retried.</summary>
public sealed class AccessTokenHandlerTests : IDisposable
{
    private const string Unauthorized = """{"code":40110000,"message":"request is not authorized"}""";

    private readonly AlpacaTestHost _host = new();

    [Fact]
    public async Task HundredConcurrentCallsOnAnExpiringTokenRefreshItOnce()
    {
        var connection = _host.Connect();
        _host.Store.Put(connection.ConnectionId,
            new AlpacaCredential("old-token", "refresh-1", _host.Time.GetUtcNow().AddSeconds(60)));
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _host.Upstream.On("POST", "/sandbox/oauth/token", async _ =>
        {
            await release.Task;
            return FakeAlpaca.Json("""{"access_token":"new-token","token_type":"Bearer","scope":"trading","expires_in":3600,"refresh_token":"refresh-2"}""");
        });
        _host.Upstream.OnJson("GET", "/sandbox/paper/v2/clock", AlpacaSamples.Clock);
        var trading = _host.Trading(connection);

        var calls = Enumerable.Range(0, 100).Select(_ => trading.GetClockAsync()).ToList();
        release.SetResult();
        await Task.WhenAll(calls);

        Assert.Equal(1, _host.Upstream.Count("POST", "/sandbox/oauth/token"));
        Assert.Equal(1, _host.Store.Saves);
        Assert.Equal(("refresh-2", _host.Time.GetUtcNow().AddHours(1)), (_host.Store.LastSaved?.RefreshToken, _host.Store.LastSaved?.ExpiresAt));
        var clockCalls = _host.Upstream.Received.Where(r => r.Path.EndsWith("/clock", StringComparison.Ordinal)).ToList();
        Assert.Equal(100, clockCalls.Count);
        Assert.All(clockCalls, r => Assert.Equal("Bearer new-token", r.Header("Authorization")));
    }

    [Fact]
    public async Task RefreshSendsTheRefreshGrantFormEncoded()
    {
        var connection = _host.Connect();
        _host.Store.Put(connection.ConnectionId, new AlpacaCredential("old-token", "refresh-1", _host.Time.GetUtcNow()));
        _host.Upstream.OnJson("POST", "/sandbox/oauth/token", """{"access_token":"new-token","token_type":"bearer","scope":"trading"}""");
        _host.Upstream.OnJson("GET", "/sandbox/paper/v2/clock", AlpacaSamples.Clock);

        await _host.Trading(connection).GetClockAsync();

        var refresh = _host.Upstream.Received[0];
        Assert.Equal("application/x-www-form-urlencoded", refresh.ContentType);
        Assert.Equal(
            $"grant_type=refresh_token&refresh_token=refresh-1&client_id={AlpacaTestHost.ClientId}&client_secret={AlpacaTestHost.ClientSecret}",
            refresh.Body);
        Assert.Null(refresh.Header("Authorization"));
        Assert.Equal("refresh-1", _host.Store.LastSaved?.RefreshToken);
    }

    [Fact]
    public async Task TokenWithoutExpiryIsNeverRefreshed()
    {
        _host.Upstream.OnJson("GET", "/sandbox/paper/v2/clock", AlpacaSamples.Clock);

        await _host.Trading(_host.Connect()).GetClockAsync();

        Assert.Equal(0, _host.Upstream.Count("POST", "/sandbox/oauth/token"));
    }

    [Fact]
    public async Task RefusedRefreshMarksTheConnectionForReauthorization()
    {
        var connection = _host.Connect();
        _host.Store.Put(connection.ConnectionId, new AlpacaCredential("old-token", "refresh-1", _host.Time.GetUtcNow()));
        _host.Upstream.OnJson("POST", "/sandbox/oauth/token", """{"code":40010000,"message":"invalid refresh token"}""", HttpStatusCode.BadRequest);

        await Assert.ThrowsAsync<AlpacaReauthRequiredException>(() => _host.Trading(connection).GetClockAsync());

        Assert.True(_host.Store.IsReauthRequired(connection.ConnectionId));
        Assert.Equal(0, _host.Upstream.Count("GET", "/sandbox/paper/v2/clock"));
    }

    [Fact]
    public async Task HundredConcurrent401sMarkTheConnectionOnceAndAreNotRetried()
    {
        var connection = _host.Connect();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _host.Upstream.On("GET", "/sandbox/paper/v2/account", async _ =>
        {
            await release.Task;
            return FakeAlpaca.Json(Unauthorized, HttpStatusCode.Unauthorized);
        });
        var trading = _host.Trading(connection);

        var calls = Enumerable.Range(0, 100).Select(_ => Assert.ThrowsAsync<AlpacaReauthRequiredException>(() => trading.GetAccountAsync())).ToList();
        release.SetResult();
        var errors = await Task.WhenAll(calls);

        Assert.Equal(100, _host.Upstream.Count("GET", "/sandbox/paper/v2/account"));
        Assert.Equal(1, _host.Store.ReauthTransitions);
        Assert.All(errors, e => Assert.Equal(("REAUTH_REQUIRED", HttpStatusCode.Unauthorized, 40110000), (UpstreamErrorCodes.For(e), e.StatusCode, e.AlpacaCode)));
    }

    [Fact]
    public async Task ConnectionMarkedForReauthorizationSendsNothing()
    {
        var connection = _host.Connect();
        _host.Upstream.OnJson("GET", "/sandbox/paper/v2/account", Unauthorized, HttpStatusCode.Unauthorized);
        var trading = _host.Trading(connection);
        await Assert.ThrowsAsync<AlpacaReauthRequiredException>(() => trading.GetAccountAsync());

        await Assert.ThrowsAsync<AlpacaReauthRequiredException>(() => trading.GetAccountAsync());

        Assert.Single(_host.Upstream.Received);
    }

    [Fact]
    public async Task A401OnAnOrderIsNotAmbiguous()
    {
        _host.Upstream.OnJson("POST", "/sandbox/paper/v2/orders", Unauthorized, HttpStatusCode.Unauthorized);

        var error = await Assert.ThrowsAsync<AlpacaReauthRequiredException>(() =>
            _host.Trading(_host.Connect()).CreateOrderAsync(ResponseParsingTests.NewOrder()));

        Assert.False(error.IsAmbiguous);
        Assert.Single(_host.Upstream.Received);
    }

    [Fact]
    public async Task ScopeRefusalIsARejectionNotAReauthorization()
    {
        var connection = _host.Connect();
        _host.Upstream.OnJson("POST", "/sandbox/paper/v2/orders",
            """{"code":40110000,"message":"token is not authorized for this scope"}""", HttpStatusCode.Unauthorized);

        var error = await Assert.ThrowsAsync<AlpacaApiException>(() => _host.Trading(connection).CreateOrderAsync(ResponseParsingTests.NewOrder()));

        // SCOPE_MISSING since the order ticket (decision 0034): the client must connect again granting a scope, not retry.
        Assert.Equal((AlpacaErrorKind.Rejected, "SCOPE_MISSING", 40110000, false), (error.Kind, UpstreamErrorCodes.For(error), error.AlpacaCode, error.IsAmbiguous));
        Assert.False(_host.Store.IsReauthRequired(connection.ConnectionId));
        Assert.Single(_host.Upstream.Received);
    }

    public void Dispose() => _host.Dispose();
}
