using System.Diagnostics;
using AlpacaConnect.Bench.Clients;
using AlpacaConnect.Bench.Load;
using AlpacaConnect.Bench.Scenarios.Placement;

namespace AlpacaConnect.Bench.Scenarios.Push;

public sealed record PushFigures(
    int Users, int DevicesPerUser, int OrdersPlaced, int OrdersFailed, int Fills, int Expected, int Deliveries, int Lost, int Duplicated,
    string FailingProvider, int FailingPercent, double NotificationsPerSecond, LatencySummary Lag, double Seconds, IReadOnlyList<string> Unexpected);

/// <summary>
/// Background delivery under load: many users, each with an FCM and an Expo device, buy one share at a time; every fill
/// must reach both devices once. FCM's fake fails a share of its calls (503), so retries are part of the figures. The
/// lag is from the fill's event (<c>occurredAt</c> in <c>orderEvents</c>) to the fake provider's accept, both read off this
/// machine's clock. The sandbox runs in a process of its own.
/// </summary>
public static class PushScenario
{
    public const string Name = "push";
    private const string FailingProvider = "fcm";
    private const int FailingPercent = 20;
    private const string Register = "mutation($input: RegisterPushDeviceInput!) { registerPushDevice(input: $input) { device { id } errors { ... on Error { code } } } }";
    private const string Events = "query($after: ID) { orderEvents(after: $after, first: 100) { updates { event occurredAt order { id } } hasNextPage endCursor } }";

    public static async Task<PushFigures> RunAsync(BenchContext bench)
    {
        var users = bench.Options.PushUsers;
        var ordersPerUser = bench.Options.PushOrdersPerUser;
        var settings = PlacementSettings.For(users);
        await using var server = await SandboxServer.StartApartAsync(bench, Name, settings, sandboxExtra: settings, extraAgainst: PushSettings.Against);
        var fakes = new PushFakesApi(bench.Http, server.Sandbox.Host, bench.Settings.SandboxControlSecret);

        bench.Say($"push: linking {users} users, each with an FCM and an Expo device");
        var linked = await GeneratedUsers.LinkAsync(server, users);
        var tokens = new Dictionary<string, int>();
        for (var i = 0; i < users; i++)
        {
            foreach (var (platform, token) in new[] { ("FCM", $"fcm-bench-{i:0000}-{Guid.NewGuid():N}"), ("EXPO", $"ExponentPushToken[bench{i:0000}x{Guid.NewGuid():N}]") })
            {
                await linked[i].App.RequireAsync(Register, new { input = new { platform, token } });
                tokens[token] = i;
            }
        }

        await fakes.FailAsync(FailingProvider, "unavailable", FailingPercent);
        bench.Say($"push: {users} users place {ordersPerUser} market buys each; {FailingProvider} fails {FailingPercent}% of its calls");
        var failed = 0;
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(linked, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (user, cancellationToken) =>
        {
            for (var n = 0; n < ordersPerUser; n++)
            {
                var result = await user.App.ExecuteAsync(Operations.PlaceOrder, Operations.MarketBuy(Operations.NewKey("push")), cancellationToken);
                if (!result.Ok || result.Data.GetProperty("placeOrder").GetProperty("errors").GetArrayLength() > 0)
                {
                    Interlocked.Increment(ref failed);
                }
            }
        });

        var placed = users * ordersPerUser - failed;
        var expected = placed * 2;
        bench.Say($"push: {placed} orders placed in {clock.Elapsed.TotalSeconds:0} s; waiting for {expected} notifications");
        await WaitForAsync(bench, fakes, expected);

        var deliveries = await fakes.DeliveriesAsync();
        var fills = new List<(int User, string OrderId, DateTimeOffset At)>();
        for (var i = 0; i < users; i++)
        {
            fills.AddRange((await FillsAsync(linked[i].App)).Select(f => (i, f.OrderId, f.At)));
        }

        return Figures(users, placed, failed, fills, deliveries, tokens, clock.Elapsed.TotalSeconds);
    }

    private static PushFigures Figures(
        int users, int placed, int failed, List<(int User, string OrderId, DateTimeOffset At)> fills, IReadOnlyList<FakeDelivery> deliveries,
        Dictionary<string, int> tokens, double seconds)
    {
        var unexpected = new List<string>();
        var byDevice = deliveries.GroupBy(d => (d.Token, OrderId: d.Data.GetValueOrDefault("orderId"))).ToDictionary(g => g.Key, g => g.ToList());
        var duplicated = deliveries.GroupBy(d => (d.Token, d.Id)).Sum(g => g.Count() - 1);
        var lags = new List<double>();
        var lost = 0;
        foreach (var (user, orderId, at) in fills)
        {
            foreach (var token in tokens.Where(t => t.Value == user).Select(t => t.Key))
            {
                if (!byDevice.TryGetValue((token, orderId), out var got) || !got.Any(d => d.Data.GetValueOrDefault("type") == "order.filled"))
                {
                    lost++;
                    continue;
                }

                lags.Add((got.Min(d => d.ReceivedAt) - at).TotalMilliseconds);
            }
        }

        if (deliveries.Any(d => !tokens.ContainsKey(d.Token)))
        {
            unexpected.Add("a delivery to a token no user registered");
        }

        var first = fills.Count == 0 ? default : fills.Min(f => f.At);
        var last = deliveries.Count == 0 ? default : deliveries.Max(d => d.ReceivedAt);
        var span = (last - first).TotalSeconds;
        return new PushFigures(
            users, 2, placed, failed, fills.Count, fills.Count * 2, deliveries.Count, lost, duplicated, FailingProvider, FailingPercent,
            span > 0 ? deliveries.Count / span : 0, LatencySummary.FromMilliseconds(lags), seconds, unexpected);
    }

    /// <summary>Until the fakes hold <paramref name="expected"/> deliveries, or nothing new arrived for a minute.</summary>
    private static async Task WaitForAsync(BenchContext bench, PushFakesApi fakes, int expected)
    {
        var (seen, stalled) = (0, Stopwatch.StartNew());
        while (stalled.Elapsed < TimeSpan.FromMinutes(1))
        {
            var count = await fakes.CountAsync();
            if (count >= expected)
            {
                return;
            }

            if (count > seen)
            {
                (seen, stalled) = (count, Stopwatch.StartNew());
            }

            await Task.Delay(TimeSpan.FromSeconds(1));
        }

        bench.Say($"push: stalled at {seen} of {expected} notifications");
    }

    /// <summary>The FILL events of one user's log, read page by page.</summary>
    private static async Task<List<(string OrderId, DateTimeOffset At)>> FillsAsync(GraphQLClient app)
    {
        var fills = new List<(string, DateTimeOffset)>();
        string? after = null;
        while (true)
        {
            var page = (await app.RequireAsync(Events, new { after })).GetProperty("orderEvents");
            foreach (var update in page.GetProperty("updates").EnumerateArray().Where(u => u.GetProperty("event").GetString() == "FILL"))
            {
                fills.Add((update.GetProperty("order").GetProperty("id").GetString()!, update.GetProperty("occurredAt").GetDateTimeOffset()));
            }

            if (!page.GetProperty("hasNextPage").GetBoolean())
            {
                return fills;
            }

            after = page.GetProperty("endCursor").GetString();
        }
    }
}
