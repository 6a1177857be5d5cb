using AlpacaConnect.Gql.Tests.TestHost;

namespace AlpacaConnect.Gql.Tests.ScaleOut;

/// <summary>A GraphQL subscriber on one instance hears what happens on the other, in order.</summary>
public sealed class EventsAcrossInstancesTests : IDisposable
{
    private readonly TwoInstances _cluster = new();

    [ScaleOutFact]
    public async Task ConnectingAndDisconnectingOnTheFirstInstanceReachASubscriberOnTheSecond()
    {
        await using var socket = await GraphQLSocket.ConnectAsync(_cluster.Address(2));
        await socket.InitAsync(_cluster.Host(2).TokenFor("app-alice"));
        var subscriptions = _cluster.Subscriptions(2).Count;
        await socket.SubscribeAsync("changes", "subscription { alpacaConnectionChanged { id status } }");
        await _cluster.Subscriptions(2).WhenAtLeastAsync(subscriptions + 1);

        var completed = await _cluster.Driver(1).ConnectAsync("app-alice");
        var linked = await socket.ExpectAsync("next", "changes");
        var disconnected = await _cluster.Driver(1).GraphQLAsync("app-alice", "mutation { disconnectAlpaca { errors { __typename } } }");
        var unlinked = await socket.ExpectAsync("next", "changes");

        Assert.True(disconnected.ErrorCodes.Count == 0, disconnected.Raw);
        var connectionId = completed.Data.GetProperty("completeAlpacaConnection").GetProperty("connection").GetProperty("id").GetString();
        Assert.Equal("CONNECTED", Change(linked).GetProperty("status").GetString());
        Assert.Equal("NOT_CONNECTED", Change(unlinked).GetProperty("status").GetString());
        Assert.Equal(connectionId, Change(unlinked).GetProperty("id").GetString());
    }

    public void Dispose() => _cluster.Dispose();

    private static System.Text.Json.JsonElement Change(System.Text.Json.JsonElement next) =>
        next.GetProperty("payload").GetProperty("data").GetProperty("alpacaConnectionChanged");
}
