using AlpacaConnect.Bench.Clients;

namespace AlpacaConnect.Bench.Scenarios.Soak;

/// <summary>What the resuming subscribers received, held against the user's log as the server reports it.</summary>
public sealed record LogFigures(
    int Users, int EventsInLogs, int Subscribers, int OwnDrops, int Resubscriptions, int SubscribersWithEveryEvent,
    int Gaps, int Duplicates, int OutOfOrder, int NotInLog);

/// <summary>
/// The user's order updates read back with <c>orderEvents</c>, oldest first; each subscriber of that user attached
/// before the first order and resumed with <c>after:</c> after every drop, so it should hold exactly this sequence:
/// every id once, in this order.
/// </summary>
public static class SoakLog
{
    private const string Page =
        "query($after: ID) { orderEvents(after: $after, first: 100) { updates { id } hasNextPage endCursor } }";

    public static async Task<IReadOnlyList<string>> ReadAsync(GraphQLClient app)
    {
        var ids = new List<string>();
        string? after = null;
        while (true)
        {
            var page = (await app.RequireAsync(Page, new { after })).GetProperty("orderEvents");
            ids.AddRange(page.GetProperty("updates").EnumerateArray().Select(u => u.GetProperty("id").GetString()!));
            if (!page.GetProperty("hasNextPage").GetBoolean())
            {
                return ids;
            }

            after = page.GetProperty("endCursor").GetString();
        }
    }

    /// <summary>Waits (at most <paramref name="limit"/>) until every subscriber of each user received as many updates as its log holds.</summary>
    public static async Task WaitForCatchUpAsync(IReadOnlyDictionary<string, IReadOnlyList<string>> logs, IReadOnlyList<SoakSubscribers.Subscriber> subscribers, TimeSpan limit)
    {
        var deadline = TimeProvider.System.GetUtcNow() + limit;
        while (subscribers.Any(s => s.UpdateIds.Count < logs[s.User].Count) && TimeProvider.System.GetUtcNow() < deadline)
        {
            await Task.Delay(250);
        }
    }

    public static LogFigures Judge(
        IReadOnlyDictionary<string, IReadOnlyList<string>> logs, IReadOnlyList<SoakSubscribers.Subscriber> subscribers, List<string> examples)
    {
        int gaps = 0, duplicates = 0, outOfOrder = 0, notInLog = 0, complete = 0;
        foreach (var subscriber in subscribers)
        {
            var log = logs[subscriber.User];
            var position = log.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i, StringComparer.Ordinal);
            var received = subscriber.UpdateIds;
            var missing = log.Except(received, StringComparer.Ordinal).ToList();
            var twice = received.Count - received.Distinct(StringComparer.Ordinal).Count();
            var strangers = received.Count(id => !position.ContainsKey(id));
            var known = received.Where(position.ContainsKey).Select(id => position[id]).ToList();
            var backwards = known.Zip(known.Skip(1)).Count(p => p.Second < p.First);
            gaps += missing.Count;
            duplicates += twice;
            outOfOrder += backwards;
            notInLog += strangers;
            complete += missing.Count == 0 && twice == 0 && backwards == 0 && strangers == 0 ? 1 : 0;
            if (missing.Count > 0 && examples.Count < 12)
            {
                var before = position[missing[0]] > 0 ? log[position[missing[0]] - 1] : "(none)";
                var at = received.ToList().IndexOf(before);
                var around = string.Join(",", received.Skip(Math.Max(0, at - 2)).Take(6));
                examples.Add($"subscriber {subscriber.User}/{subscriber.Index} never received update {missing[0]} ({missing.Count} missing of {log.Count}: {string.Join(",", missing.Take(12))}); it received {around} around the log's {before}");
            }

            if (twice > 0 && examples.Count < 12)
            {
                examples.Add($"subscriber {subscriber.User}/{subscriber.Index} received {twice} updates twice");
            }
        }

        return new LogFigures(
            logs.Count, logs.Values.Sum(l => l.Count), subscribers.Count, subscribers.Sum(s => s.OwnDrops), subscribers.Sum(s => s.Resubscribed),
            complete, gaps, duplicates, outOfOrder, notInLog);
    }
}
