using System.Net;
using AlpacaConnect.Sandbox;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AlpacaConnect.Gql.Tests.Sandbox;

/// <summary>Optional expiring tokens (<c>Sandbox:Tokens:ExpiresIn</c>), so the server's refresh path can be exercised.</summary>
public sealed class ExpiringTokenTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 15, 0, 0, TimeSpan.Zero));
    private readonly SandboxHost _host;

    public ExpiringTokenTests()
    {
        _host = new SandboxHost();
        _host.WithSetting("Sandbox:Tokens:ExpiresIn", "00:15:00").WithServices(s => s.AddSingleton<TimeProvider>(_time));
    }

    [Fact]
    public async Task ExpiringTokensCarryExpiresInAndRotateTheirRefreshToken()
    {
        using var exchange = await _host.ExchangeAsync((await _host.ApproveAsync()).Query("code"));
        var first = await exchange.JsonAsync();
        Assert.Equal(900, first.GetProperty("expires_in").GetInt32());

        _time.Advance(TimeSpan.FromMinutes(16));
        using var expired = await _host.Trading(SandboxEnvironment.Paper, first.Str("access_token")).GetAsync("v2/account");
        using var refresh = await RefreshAsync(first.Str("refresh_token"));
        using var reuse = await RefreshAsync(first.Str("refresh_token"));
        var second = await refresh.JsonAsync();
        using var fresh = await _host.Trading(SandboxEnvironment.Paper, second.Str("access_token")).GetAsync("v2/account");

        await expired.AssertErrorAsync(401, 40110000, "request is not authorized");
        Assert.Equal(HttpStatusCode.OK, refresh.StatusCode);
        Assert.NotEqual(first.Str("refresh_token"), second.Str("refresh_token"));
        await reuse.AssertErrorAsync(401, 40110000, "invalid_grant");
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
    }

    public void Dispose() => _host.Dispose();

    private async Task<HttpResponseMessage> RefreshAsync(string refreshToken)
    {
        using var client = _host.Http();
        return await client.PostAsync(SandboxPaths.Token, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token", ["refresh_token"] = refreshToken,
            ["client_id"] = _host.OAuthClient.ClientId, ["client_secret"] = _host.OAuthClient.ClientSecret,
        }));
    }
}
