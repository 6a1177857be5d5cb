using System.Text.Json;
using AlpacaConnect.Bench.Clients;

namespace AlpacaConnect.Bench.Scenarios.Soak;

/// <summary>One order as the server reports it in <c>orders</c>.</summary>
public sealed record ServerOrder(string Id, string IdempotencyKey, string ClientOrderId, string Status, DateTimeOffset UpdatedAt);

/// <summary>Reads the app user's whole order history from the server, until the accepted orders are final or time runs out.</summary>
public static class ServerOrders
{
    public static readonly IReadOnlySet<string> Final = new HashSet<string> { "FILLED", "CANCELED", "EXPIRED", "REJECTED", "REPLACED" };

    private const string Page =
        "query($after: String) { orders(first: 100, after: $after, status: ALL) { edges { node { id idempotencyKey clientOrderId status updatedAt } } pageInfo { hasNextPage endCursor } } }";

    private static readonly TimeSpan SettleLimit = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan StallLimit = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Lists every order of the user again and again (each pass lets the server sync from Alpaca when its history is
    /// stale), asking the sandbox to work open orders in between, until every accepted order reads final, or the
    /// count of those still open has not moved for <see cref="StallLimit"/>, or <see cref="SettleLimit"/> is over.
    /// </summary>
    public static async Task<IReadOnlyList<ServerOrder>> SettleAsync(GraphQLClient app, SandboxApi sandbox, IReadOnlySet<string> accepted)
    {
        var clock = TimeProvider.System;
        var deadline = clock.GetUtcNow() + SettleLimit;
        var lastOpen = int.MaxValue;
        var movedAt = clock.GetUtcNow();
        while (true)
        {
            await sandbox.ProcessNowAsync();
            var orders = await AllAsync(app);
            var open = orders.Count(o => accepted.Contains(o.Id) && !Final.Contains(o.Status));
            if (open < lastOpen)
            {
                (lastOpen, movedAt) = (open, clock.GetUtcNow());
            }

            if (open == 0 || clock.GetUtcNow() > deadline || clock.GetUtcNow() - movedAt > StallLimit)
            {
                return orders;
            }

            await Task.Delay(TimeSpan.FromSeconds(3));
        }
    }

    public static async Task<IReadOnlyList<ServerOrder>> AllAsync(GraphQLClient app)
    {
        var orders = new List<ServerOrder>();
        string? after = null;
        do
        {
            var page = (await app.RequireAsync(Page, new { after })).GetProperty("orders");
            foreach (var edge in page.GetProperty("edges").EnumerateArray())
            {
                var node = edge.GetProperty("node");
                orders.Add(new ServerOrder(Text(node, "id"), Text(node, "idempotencyKey"), Text(node, "clientOrderId"), Text(node, "status"), node.GetProperty("updatedAt").GetDateTimeOffset()));
            }

            var info = page.GetProperty("pageInfo");
            after = info.GetProperty("hasNextPage").GetBoolean() ? info.GetProperty("endCursor").GetString() : null;
        }
        while (after is not null);
        return orders;
    }

    private static string Text(JsonElement node, string field) => node.GetProperty(field).GetString() ?? "";
}
