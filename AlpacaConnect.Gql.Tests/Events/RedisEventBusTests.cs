using System.Net;
using System.Text.Json;
using AlpacaConnect.Gql.Connections;
using AlpacaConnect.Gql.Events;
using AlpacaConnect.Gql.Tests.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace AlpacaConnect.Gql.Tests.Events;

/// <summary>The Redis event bus between two hosts: every subscriber sees each event once, in the order it was published.</summary>
public sealed class RedisEventBusTests : IDisposable
{
    private readonly List<ApiFactory> _hosts = [];

    [ScaleOutFact]
    public async Task EachSubscriberSeesEveryEventOnceWhereverItWasPublished()
    {
        var prefix = $"test-{Guid.NewGuid():N}";
        var first = Bus(Host().WithRedisEventBus(prefix));
        var second = Bus(Host().WithRedisEventBus(prefix));
        var seenFirst = new List<string>();
        var seenSecond = new List<string>();
        var last = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var onFirst = first.Events<AlpacaConnectionChanged>().Subscribe(new Observer(e =>
        {
            lock (seenFirst)
            {
                seenFirst.Add(e.UserId);
            }

            if (e.UserId == "c")
            {
                last.TrySetResult();
            }
        }));
        using var onSecond = second.Events<AlpacaConnectionChanged>().Subscribe(new Observer(e =>
        {
            seenSecond.Add(e.UserId);
            if (e.UserId == "b")
            {
                second.Publish(Change("c"));
            }
        }));

        first.Publish(Change("a"));
        first.Publish(Change("b"));
        // "c" leaves the second host after it heard "b"; Redis delivers one publisher's messages in order, so an echo
        // of "a" or "b" to the first host would have reached it before "c".
        await last.Task.WaitAsync(TimeSpan.FromSeconds(30));

        lock (seenFirst)
        {
            Assert.Equal(["a", "b", "c"], seenFirst);
        }

        Assert.Equal(["a", "b", "c"], seenSecond);
    }

    [Fact]
    public async Task WithRedisUnreachableTheServerStartsButIsNotReady()
    {
        var closedPort = ApiFactory.FreeLoopbackPort();
        var host = Host()
            .WithSetting("Streaming:EventBus", "Redis")
            .WithSetting("Streaming:Redis:ConnectionString", $"127.0.0.1:{closedPort},connectTimeout=200");
        using var client = host.CreateClient();

        using var response = await client.GetAsync("/health/ready");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("Unhealthy", body.RootElement.GetProperty("checks").GetProperty("redis").GetProperty("status").GetString());
        Assert.Equal("Healthy", body.RootElement.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
    }

    [Fact]
    public async Task TheInProcessBusHasNoRedisCheck()
    {
        using var client = Host().CreateClient();

        using var body = JsonDocument.Parse(await client.GetStringAsync("/health/ready"));

        Assert.False(body.RootElement.GetProperty("checks").TryGetProperty("redis", out _));
    }

    public void Dispose() => _hosts.ForEach(h => h.Dispose());

    private static AlpacaConnectionChanged Change(string user) => new(user, Guid.NewGuid(), ConnectionStatus.Connected);

    private static IEventBus Bus(ApiFactory host) => host.Services.GetRequiredService<IEventBus>();

    private ApiFactory Host()
    {
        var host = new ApiFactory();
        _hosts.Add(host);
        return host;
    }

    private sealed class Observer(Action<AlpacaConnectionChanged> onNext) : IObserver<AlpacaConnectionChanged>
    {
        public void OnNext(AlpacaConnectionChanged value) => onNext(value);

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }
    }
}
