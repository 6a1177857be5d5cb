using System.Text.Json;
using AlpacaConnect.Gql.Tests.TestHost;

namespace AlpacaConnect.Gql.Tests.Streaming;

/// <summary>What <c>Interop/order-log-client.mjs</c> (the real graphql-ws client) and <c>orderEvents</c> report.</summary>
internal static class OrderLogClient
{
    /// <summary>The subscription's next <paramref name="count"/> updates (of one order when given), in arrival order.</summary>
    public static async Task<List<LoggedUpdate>> UpdatesAsync(NodeSession app, string subscription, string? order, int count)
    {
        var updates = new List<LoggedUpdate>();
        while (updates.Count < count)
        {
            var answer = await app.ExpectAsync(a => a.TryGetProperty("sub", out var sub) && sub.GetString() == subscription);
            Assert.True(answer.TryGetProperty("update", out var update), answer.ToString());
            var read = LoggedUpdate.Of(update);
            Assert.True(order is null || read.OrderId == order, $"an update of another order: {answer}");
            updates.Add(read);
        }

        return updates;
    }

    /// <summary>Closes the client's socket; whatever it received before is then among the session's answers.</summary>
    public static async Task DisconnectAsync(NodeSession app)
    {
        await app.SendAsync(new { cmd = "disconnect" });
        await app.ExpectAsync(a => a.TryGetProperty("disconnected", out _));
    }

    /// <summary>True when an answer of <paramref name="subscription"/> arrived that no test step claimed.</summary>
    public static bool HasUnclaimed(NodeSession app, string subscription) =>
        app.Unclaimed.Any(a => a.TryGetProperty("sub", out var sub) && sub.GetString() == subscription);
}

/// <summary>One <c>OrderUpdate</c>: its id (a position in the log), event and order.</summary>
internal sealed record LoggedUpdate(string Id, string Event, string OrderId)
{
    public static LoggedUpdate Of(JsonElement u) =>
        new(u.GetProperty("id").GetString()!, u.GetProperty("event").GetString()!, u.GetProperty("order").GetProperty("id").GetString()!);
}
