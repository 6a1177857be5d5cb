using System.Net;
using AlpacaConnect.Gql.Connections;
using AlpacaConnect.Gql.Persistence;
using AlpacaConnect.Gql.Tests.Sandbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AlpacaConnect.Gql.Tests.Connections;

public sealed class ConnectionExpiryTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(TimeProvider.System.GetUtcNow()); // app-user JWTs are checked against the real clock
    private readonly SandboxHost _host = new();
    private readonly ConnectDriver _driver;

    public ConnectionExpiryTests()
    {
        _host.WithSetting("Connections:AllowedReturnTo:0", ConnectDriver.ReturnTo)
            .WithSetting("Sandbox:OAuth:CodeLifetime", "00:01:00")
            .WithServices(services => services.AddSingleton<TimeProvider>(_time));
        _driver = new ConnectDriver(_host);
    }

    [Fact]
    public async Task AnExpiredStateIsRefusedWithoutATokenRequest()
    {
        var authorize = await _driver.StartAsync("app-alice");
        _time.Advance(TimeSpan.FromMinutes(11));
        var callback = await _driver.DecideAsync(authorize);

        var (status, location, _) = await _driver.CallbackAsync(callback);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Null(location);
        Assert.DoesNotContain(_host.Control.Requests, r => r.Path.EndsWith("/oauth/token", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnAuthorizationCodeAlpacaNoLongerAcceptsComesBackAsOAuthCodeInvalid()
    {
        // The state lives ten minutes; the sandbox's codes only one here, so the exchange is refused upstream.
        var callback = await _driver.DecideAsync(await _driver.StartAsync("app-alice"));
        _time.Advance(TimeSpan.FromMinutes(2));

        var (status, location, _) = await _driver.CallbackAsync(callback);

        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.Equal("OAUTH_CODE_INVALID", ConnectDriver.QueryValue(location!, "error"));
        Assert.Single(_host.Control.Requests, r => r.Path.EndsWith("/oauth/token", StringComparison.Ordinal));
        Assert.Equal("NOT_CONNECTED", (await _driver.ConnectionAsync("app-alice")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task AnUnclaimedConnectionExpiresAndItsTokensAreDeleted()
    {
        var (_, location, _) = await _driver.CallbackAsync(await _driver.DecideAsync(await _driver.StartAsync("app-alice")));
        var code = ConnectDriver.QueryValue(location!, "completionCode");
        _time.Advance(TimeSpan.FromMinutes(11));

        // The sweeper's minute timer has fired on the fake clock by now; sweeping again finds nothing left.
        var swept = await _host.Services.GetRequiredService<ExpiredFlowSweeper>().SweepAsync(CancellationToken.None);
        var late = await _driver.CompleteAsync("app-alice", code);

        Assert.Equal(0, swept);
        Assert.Equal("INVALID_COMPLETION_CODE", late.Data.GetProperty("completeAlpacaConnection").GetProperty("errors")[0].GetProperty("code").GetString());
        await using var db = await _host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        Assert.Empty(await db.Set<PendingConnection>().ToListAsync());
    }

    public void Dispose()
    {
        _driver.Dispose();
        _host.Dispose();
    }
}
