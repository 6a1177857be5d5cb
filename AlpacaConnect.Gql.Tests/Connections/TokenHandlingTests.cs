using AlpacaConnect.Gql.Alpaca;
using AlpacaConnect.Gql.Connections;
using AlpacaConnect.Gql.Events;
using AlpacaConnect.Gql.Tests.Sandbox;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AlpacaConnect.Gql.Tests.Connections;

/// <summary>The stored connection's token in use against the sandbox: refresh once for everyone, one reauth transition.</summary>
public sealed class TokenHandlingTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(TimeProvider.System.GetUtcNow()); // app-user JWTs are checked against the real clock
    private readonly SandboxHost _host = new();
    private readonly ConnectDriver _driver;

    public TokenHandlingTests()
    {
        _host.WithSetting("Connections:AllowedReturnTo:0", ConnectDriver.ReturnTo)
            .WithSetting("Sandbox:Tokens:ExpiresIn", "01:00:00")
            .WithServices(services => services.AddSingleton<TimeProvider>(_time));
        _driver = new ConnectDriver(_host);
    }

    private async Task<IAlpacaTradingClient> ConnectedClientAsync()
    {
        var completed = await _driver.ConnectAsync("app-alice");
        var id = Guid.Parse(completed.Data.GetProperty("completeAlpacaConnection").GetProperty("connection").GetProperty("id").GetString()!);
        return _host.Services.GetRequiredService<IAlpacaClientFactory>().ForConnection(new AlpacaConnectionRef(id, AlpacaEnvironment.Paper));
    }

    private int TokenEndpointCalls => _host.Control.Requests.Count(r => r.Path.EndsWith("/oauth/token", StringComparison.Ordinal));

    [Fact]
    public async Task HundredConcurrentCallsOnAnExpiringTokenRefreshItOnce()
    {
        var client = await ConnectedClientAsync();
        var exchanges = TokenEndpointCalls;
        _time.Advance(TimeSpan.FromMinutes(59));

        var accounts = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => client.GetAccountAsync()));

        Assert.Equal(1, TokenEndpointCalls - exchanges);
        Assert.All(accounts, a => Assert.Equal("PA3ALICE0001", a.AccountNumber));
        Assert.Equal("CONNECTED", (await _driver.ConnectionAsync("app-alice")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task HundredConcurrentCallsOnARevokedTokenMakeOneReauthTransitionAndNoRetries()
    {
        var client = await ConnectedClientAsync();
        var transitions = new List<AlpacaConnectionChanged>();
        using var watch = _host.Services.GetRequiredService<IEventBus>().Events<AlpacaConnectionChanged>()
            .Subscribe(new Collect(e => { lock (transitions) { transitions.Add(e); } }));
        var fingerprint = _host.Control.Requests.Last(r => r.Path.EndsWith("/v2/account", StringComparison.Ordinal)).TokenFingerprint!;
        Assert.Equal(1, _host.Control.RevokeTokenByFingerprint(fingerprint));
        var before = _host.Control.Requests.Count;

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 100).Select(async _ =>
            await Record.ExceptionAsync(() => client.GetAccountAsync())));
        var sent = _host.Control.Requests.Skip(before).Where(r => r.Path.EndsWith("/v2/account", StringComparison.Ordinal)).ToList();
        var afterwards = await Record.ExceptionAsync(() => client.GetAccountAsync());

        Assert.All(outcomes, e => Assert.IsType<AlpacaReauthRequiredException>(e));
        Assert.Single(transitions, t => t.Status == ConnectionStatus.ReauthRequired);
        Assert.InRange(sent.Count, 1, 100);
        Assert.All(sent, r => Assert.Equal(401, r.Status));
        Assert.IsType<AlpacaReauthRequiredException>(afterwards);
        Assert.Equal(sent.Count, _host.Control.Requests.Skip(before).Count(r => r.Path.EndsWith("/v2/account", StringComparison.Ordinal)));
        Assert.Equal("REAUTH_REQUIRED", (await _driver.ConnectionAsync("app-alice")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task ALateRefusalOfTheOldTokenDoesNotCondemnAReconnectedConnection()
    {
        var client = await ConnectedClientAsync();
        var store = _host.Services.GetRequiredService<IAlpacaCredentialStore>();
        var oldToken = (await store.GetAsync(client.Connection.ConnectionId, CancellationToken.None))!.AccessToken;
        await _driver.ConnectAsync("app-alice");

        var marked = await store.MarkReauthRequiredAsync(client.Connection.ConnectionId, oldToken, CancellationToken.None);

        Assert.False(marked);
        Assert.Equal("CONNECTED", (await _driver.ConnectionAsync("app-alice")).GetProperty("status").GetString());
        Assert.Equal("PA3ALICE0001", (await client.GetAccountAsync()).AccountNumber);
    }

    public void Dispose()
    {
        _driver.Dispose();
        _host.Dispose();
    }

    private sealed class Collect(Action<AlpacaConnectionChanged> onNext) : IObserver<AlpacaConnectionChanged>
    {
        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }

        public void OnNext(AlpacaConnectionChanged value) => onNext(value);
    }
}
