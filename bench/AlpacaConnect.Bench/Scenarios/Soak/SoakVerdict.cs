using AlpacaConnect.Bench.Clients;

namespace AlpacaConnect.Bench.Scenarios.Soak;

public sealed record SubscriberFigures(
    int Subscribers, int Resubscriptions, int FinalEventsExpected, int FinalEventsReceived, int MissedWhileAttached,
    int SubscribersThatMissed, int FinalEventsReachingNoSubscriber, int OfThoseWhileSubscribersWereAttached, int DuplicateFinalEvents);

public sealed record SoakFigures(
    int Keys, double PlacingSeconds, double RestartDowntimeSeconds, int StreamDrops, string FaultMix,
    int Accepted, int Refused, int Unresolved, int Attempts, IReadOnlyDictionary<string, int> RetryReasons,
    int SandboxOrders, int DistinctClientOrderIds, int DuplicatedOrders, int SandboxOrdersWithoutAcceptedKey,
    int LostOrders, int WithoutFinalStatus, int StatusDisagreements, SubscriberFigures? Subscribers, LogFigures? Log,
    IReadOnlyList<string> Examples);

/// <summary>Counts what went wrong in a soak, with a few examples of each for reproduction.</summary>
public static class SoakVerdict
{
    private const int ExamplesPerKind = 3;

    public static SoakFigures Judge(
        int keys, IReadOnlyList<KeyOutcome> outcomes, IReadOnlyList<ServerOrder> serverOrders, IReadOnlyList<SandboxOrder> sandboxOrders,
        IReadOnlyList<SoakSubscribers.Subscriber>? subscribers, IReadOnlyDictionary<string, IReadOnlyList<string>>? logs, double placingSeconds, TimeSpan downtime, int streamDrops, string faultMix,
        IReadOnlyDictionary<string, int> retryReasons)
    {
        var examples = new List<string>();
        void Example(string kind, IEnumerable<string> items) =>
            examples.AddRange(items.Take(ExamplesPerKind).Select(i => $"{kind}: {i}"));

        var accepted = outcomes.Where(o => o.Result == KeyResult.Accepted).ToList();
        var acceptedCids = accepted.Select(o => o.ClientOrderId!).ToHashSet(StringComparer.Ordinal);
        var byCid = sandboxOrders.GroupBy(o => o.ClientOrderId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var serverById = serverOrders.ToDictionary(o => o.Id);
        var keyOfCid = serverOrders.GroupBy(o => o.ClientOrderId).ToDictionary(g => g.Key, g => g.First().IdempotencyKey);

        var shared = byCid.Values.Where(g => g.Count > 1).ToList();
        Example("client_order_id held by several sandbox orders", shared.Select(g => $"{g[0].ClientOrderId} ×{g.Count}"));
        var orphans = sandboxOrders.Where(o => !acceptedCids.Contains(o.ClientOrderId)).ToList();
        var outcomeOfKey = outcomes.ToDictionary(o => o.Key);
        Example("sandbox order without an accepted key", orphans.Select(o =>
        {
            var key = keyOfCid.GetValueOrDefault(o.ClientOrderId);
            var told = key is not null && outcomeOfKey.TryGetValue(key, out var outcome) ? $"{outcome.Result} after {outcome.Attempts} attempts ({outcome.LastProblem})" : "key unknown to the server";
            return $"{o.ClientOrderId} ({o.Status}); app was told: {told}";
        }));
        var duplicated = shared.Sum(g => g.Count - 1) + Math.Max(0, sandboxOrders.Count - accepted.Count);

        var lost = accepted.Where(o => !byCid.ContainsKey(o.ClientOrderId!) || !serverById.ContainsKey(o.OrderId!)).ToList();
        Example("accepted but lost", lost.Select(o => $"key {o.Key} order {o.OrderId} cid {o.ClientOrderId}: in sandbox {byCid.ContainsKey(o.ClientOrderId!)}, on server {serverById.ContainsKey(o.OrderId!)}"));
        var notFinal = accepted.Where(o => serverById.TryGetValue(o.OrderId!, out var s) && !ServerOrders.Final.Contains(s.Status)).ToList();
        Example("accepted, no final status on the server", notFinal.Select(o =>
            $"order {o.OrderId} server {serverById[o.OrderId!].Status}, sandbox {(byCid.TryGetValue(o.ClientOrderId!, out var s) ? s[0].Status : "none")}"));
        var disagreements = accepted.Where(o => serverById.TryGetValue(o.OrderId!, out var s) && byCid.TryGetValue(o.ClientOrderId!, out var u)
            && !string.Equals(s.Status, u[0].Status, StringComparison.OrdinalIgnoreCase)).ToList();
        Example("server and sandbox disagree", disagreements.Select(o => $"order {o.OrderId} server {serverById[o.OrderId!].Status}, sandbox {byCid[o.ClientOrderId!][0].Status}"));
        var unresolved = outcomes.Where(o => o.Result == KeyResult.Unresolved).ToList();
        Example("unresolved key", unresolved.Select(o => $"{o.Key} after {o.Attempts} attempts: {o.LastProblem}"));

        var finalIds = accepted.Where(o => serverById.TryGetValue(o.OrderId!, out var s) && ServerOrders.Final.Contains(s.Status)).Select(o => o.OrderId!).ToList();
        var userOf = outcomes.Where(o => o.OrderId is not null).ToDictionary(o => o.OrderId!, o => o.User);
        var subscriberFigures = subscribers is null ? null : Deliveries(subscribers, finalIds, serverById, userOf, examples);
        var logFigures = subscribers is null || logs is null ? null : SoakLog.Judge(logs, subscribers, examples);

        return new SoakFigures(
            keys, placingSeconds, downtime.TotalSeconds, streamDrops, faultMix,
            accepted.Count, outcomes.Count(o => o.Result == KeyResult.Refused), unresolved.Count, outcomes.Sum(o => o.Attempts),
            retryReasons.OrderByDescending(r => r.Value).Take(12).ToDictionary(r => r.Key, r => r.Value),
            sandboxOrders.Count, byCid.Count, duplicated, orphans.Count, lost.Count, notFinal.Count, disagreements.Count,
            subscriberFigures, logFigures, examples);
    }

    /// <summary>
    /// A subscriber missed a final event when another subscriber of the same user received it at R and this one was
    /// subscribed without a break from a second before R to a second after, yet never received it. An event no
    /// subscriber received is judged by the server's <c>updatedAt</c> of the order (when it recorded the final
    /// status): lost if some subscriber was attached a second either side of it, else sent while they were away (the
    /// restart), which the protocol cannot help: it has no replay, the app refetches on reconnect.
    /// </summary>
    private static SubscriberFigures Deliveries(
        IReadOnlyList<SoakSubscribers.Subscriber> subscribers, List<string> finalIds, Dictionary<string, ServerOrder> serverById,
        Dictionary<string, string> userOf, List<string> examples)
    {
        var margin = TimeSpan.FromSeconds(1);
        int received = 0, missed = 0, nobody = 0, lostWhileAttached = 0, duplicates = 0;
        var missers = new HashSet<string>();
        foreach (var id in finalIds)
        {
            var order = serverById[id];
            // Only the order owner's subscribers should get its events.
            var owners = subscribers.Where(s => s.User == userOf[id]).ToList();
            var receipts = owners.Select(s => s.Received.TryGetValue(id, out var q) ? q.Where(e => e.Status == order.Status).Select(e => e.At).ToList() : []).ToList();
            received += receipts.Count(r => r.Count > 0);
            duplicates += receipts.Sum(r => Math.Max(0, r.Count - 1));
            if (receipts.All(r => r.Count == 0))
            {
                nobody++;
                if (owners.Any(s => s.AttachedThroughout(order.UpdatedAt - margin, order.UpdatedAt + margin)))
                {
                    lostWhileAttached++;
                    if (lostWhileAttached <= ExamplesPerKind)
                    {
                        examples.Add($"final event reached no subscriber though they were attached: order {id} ({order.Status}, recorded {order.UpdatedAt:O})");
                    }
                }

                continue;
            }

            var first = receipts.Where(r => r.Count > 0).Min(r => r.Min());
            for (var i = 0; i < owners.Count; i++)
            {
                if (receipts[i].Count == 0 && owners[i].AttachedThroughout(first - margin, first + margin))
                {
                    missed++;
                    missers.Add($"{owners[i].User}/{owners[i].Index}");
                    if (missed <= ExamplesPerKind)
                    {
                        examples.Add($"subscriber missed a final event: {owners[i].User} subscriber {owners[i].Index}, order {id} ({order.Status}, first received by another at {first:O})");
                    }
                }
            }
        }

        return new SubscriberFigures(
            subscribers.Count, subscribers.Sum(s => s.Resubscribed), finalIds.Sum(id => subscribers.Count(s => s.User == userOf[id])), received,
            missed, missers.Count, nobody, lostWhileAttached, duplicates);
    }
}
