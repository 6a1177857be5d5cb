using AlpacaConnect.Gql.Alpaca;
using AlpacaConnect.Gql.Alpaca.Http;
using AlpacaConnect.Gql.Tests.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AlpacaConnect.Gql.Tests.Alpaca;

/// <summary>
/// The real server's DI with Alpaca replaced at the HTTP boundary by <see cref="FakeAlpaca"/>, the credential store by
/// <see cref="InMemoryCredentialStore"/>, and time by a <see cref="FakeTimeProvider"/>. One per test: each has its
/// own rate-limit budget and circuit breaker.
/// </summary>
internal sealed class AlpacaTestHost : IDisposable
{
    public const string ClientId = "test-client-id";
    public const string ClientSecret = "test-client-secret-5f1e0c";
    public const string SandboxBase = "http://alpaca.test";

    public AlpacaTestHost(Action<ApiFactory>? configure = null)
    {
        Time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 5, 15, 0, 0, TimeSpan.Zero));
        Upstream = new FakeAlpaca(Time);
        Factory = new ApiFactory()
            .WithSetting("Alpaca:SandboxBaseUrl", SandboxBase)
            .WithSetting("Alpaca:ClientId", ClientId)
            .WithSetting("Alpaca:ClientSecret", ClientSecret)
            .WithSetting("Alpaca:Resilience:RetryBaseDelay", "00:00:00")
            .WithServices(services =>
            {
                services.AddSingleton<TimeProvider>(Time);
                services.AddSingleton<IAlpacaCredentialStore>(Store);
                foreach (var name in AlpacaHttpClientNames.All)
                {
                    services.AddHttpClient(name).ConfigurePrimaryHttpMessageHandler(() => Upstream);
                }
            });
        configure?.Invoke(Factory);
    }

    public FakeTimeProvider Time { get; }

    public FakeAlpaca Upstream { get; }

    public InMemoryCredentialStore Store { get; } = new();

    public ApiFactory Factory { get; }

    public IServiceProvider Services => Factory.Services;

    /// <summary>A paper connection with a plain (non-expiring) token.</summary>
    public AlpacaConnectionRef Connect(string accessToken = "access-token-1", AlpacaEnvironment environment = AlpacaEnvironment.Paper)
    {
        var connection = new AlpacaConnectionRef(Guid.NewGuid(), environment);
        Store.Put(connection.ConnectionId, new AlpacaCredential(accessToken));
        return connection;
    }

    public IAlpacaTradingClient Trading(AlpacaConnectionRef connection) =>
        Services.GetRequiredService<IAlpacaClientFactory>().ForConnection(connection);

    public IAlpacaOAuthClient OAuth => Services.GetRequiredService<IAlpacaOAuthClient>();

    public void Dispose() => Factory.Dispose();
}
