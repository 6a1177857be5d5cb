using System.Net;
using System.Net.Http.Json;
using AlpacaConnect.Gql.Tests.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AlpacaConnect.Gql.Tests.Identity;

public sealed class TokenLifetimeTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(TimeProvider.System.GetUtcNow());
    private readonly ApiFactory _factory;

    public TokenLifetimeTests()
    {
        _factory = new ApiFactory().WithServices(services => services.AddSingleton<TimeProvider>(_time));
    }

    [Fact]
    public async Task AnExpiredAppTokenGets401ByTheAppsClock()
    {
        using var client = _factory.CreateClientFor("alice");
        using var fresh = await client.PostAsJsonAsync("/graphql", new { query = "{ me { id } }" });

        _time.Advance(TimeSpan.FromHours(9));
        using var expired = await client.PostAsJsonAsync("/graphql", new { query = "{ me { id } }" });

        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, expired.StatusCode);
    }

    public void Dispose() => _factory.Dispose();
}
