using AlpacaConnect.Gql.Tests.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace AlpacaConnect.Gql.Tests.GraphQL.Transport.WebSockets;

/// <summary>The in-flight operation cap of a socket: at the cap the server stops reading that socket, and drops nothing.</summary>
public sealed class InFlightOperationTests : IDisposable
{
    private readonly ApiFactory _factory = new ProbeApiFactory()
        .WithSetting("GraphQL:WebSockets:MaxInFlightOperationsPerSocket", "2");

    [Fact]
    public async Task AtTheCapTheNextOperationWaitsForOneToFinishWhileAnotherSocketIsServed()
    {
        var server = _factory.StartOnLoopback();
        var recorder = _factory.Services.GetRequiredService<ProbeRecorder>();
        await using var busy = await GraphQLSocket.ConnectAsync(server);
        await using var other = await GraphQLSocket.ConnectAsync(server);
        await busy.InitAsync(_factory.TokenFor("alice"));
        await other.InitAsync(_factory.TokenFor("bob"));

        await busy.SubscribeAsync("g1", "{ gated }");
        await busy.SubscribeAsync("g2", "{ gated }");
        await busy.SubscribeAsync("third", "{ gatedFinished }");
        await Eventually.HoldsAsync(() => Volatile.Read(ref recorder.GatedStarted) == 2, "both gated operations running");

        // Meanwhile another socket is served (and sees that no gated operation has finished).
        await other.SubscribeAsync("q", "{ gatedFinished }");
        var served = await other.ExpectAsync("next", "q");
        Assert.Equal(0, served.GetProperty("payload").GetProperty("data").GetProperty("gatedFinished").GetInt32());

        recorder.Gate.SetResult();

        // The third operation was read only once a slot was free, so it ran after a gated one had finished;
        // every operation sent was answered.
        var answers = new Dictionary<string, int>();
        while (answers.Count < 3)
        {
            var message = await busy.ReceiveAsync();
            if (message.GetProperty("type").GetString() == "next")
            {
                var data = message.GetProperty("payload").GetProperty("data");
                answers[message.GetProperty("id").GetString()!] = data.EnumerateObject().Single().Value.GetInt32();
            }
        }

        Assert.True(answers["third"] >= 1, $"the third operation ran while both slots were taken: {answers["third"]}");
    }

    public void Dispose() => _factory.Dispose();
}
