using System.Net;
using AlpacaConnect.Gql.Tests.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AlpacaConnect.Gql.Tests.GraphQL.Transport;

public sealed class ExecutionTimeoutTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 26, 15, 0, 0, TimeSpan.Zero));
    private readonly ApiFactory _factory;

    public ExecutionTimeoutTests()
    {
        _factory = new ApiFactory()
            .WithSetting("GraphQL:ExecutionTimeout", "00:00:05")
            .WithServices(ProbeQueries.AddProbe)
            .WithServices(services => services.AddSingleton<TimeProvider>(_time));
    }

    [Fact]
    public async Task AnOperationPastTheTimeoutIsCancelledThroughTheResolversToken()
    {
        using var client = _factory.CreateClient();
        var recorder = _factory.Services.GetRequiredService<ProbeRecorder>();

        var pending = client.PostGraphQLAsync("{ slow }");
        await recorder.SlowStarted.Task.WaitAsync(TimeSpan.FromSeconds(30));
        _time.Advance(TimeSpan.FromSeconds(6));
        var response = await pending;

        Assert.Equal(HttpStatusCode.GatewayTimeout, response.Status);
        Assert.Equal(["EXECUTION_TIMEOUT"], response.ErrorCodes);
    }

    public void Dispose() => _factory.Dispose();
}
