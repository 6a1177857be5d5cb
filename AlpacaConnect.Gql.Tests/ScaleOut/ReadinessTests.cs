using System.Net;
using System.Text.Json;
using AlpacaConnect.Gql.Tests.TestHost;

namespace AlpacaConnect.Gql.Tests.ScaleOut;

/// <summary>/health/ready checks each external service the instance is configured with.</summary>
public sealed class ReadinessTests : IDisposable
{
    private readonly PostgresDatabase _database = new();
    private readonly ApiFactory _host;

    public ReadinessTests() => _host = new ApiFactory().WithPostgres(_database).WithRedisEventBus($"test-{Guid.NewGuid():N}");

    [ScaleOutFact]
    public async Task AnInstanceOnPostgresAndRedisIsReadyWhenBothAnswer()
    {
        using var client = _host.CreateClient();

        using var response = await client.GetAsync("/health/ready");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var checks = body.RootElement.GetProperty("checks");
        Assert.Equal("Healthy", checks.GetProperty("database").GetProperty("status").GetString());
        Assert.Equal("Healthy", checks.GetProperty("redis").GetProperty("status").GetString());
    }

    public void Dispose()
    {
        _host.Dispose();
        _database.Dispose();
    }
}
