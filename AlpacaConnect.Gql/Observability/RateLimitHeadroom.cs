using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace AlpacaConnect.Gql.Observability;

/// <summary>
/// The last <c>X-Ratelimit-Remaining</c> Alpaca reported per connection, kept until its window resets (facts 3.3:
/// 200 requests a minute per account). The gauge shows only the tightest connection per API, so no connection is a label.
/// </summary>
internal sealed class RateLimitHeadroom(TimeProvider time)
{
    private static readonly TimeSpan DefaultWindow = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<(string Api, Guid Connection), Reading> _readings = new();
    private long _lastPruneTicks;

    public void Record(string api, Guid connectionId, int remaining, DateTimeOffset? resetsAt)
    {
        var now = time.GetUtcNow();
        _readings[(api, connectionId)] = new Reading(remaining, resetsAt ?? now + DefaultWindow);

        // Pruned here too, so memory stays bounded when nobody scrapes.
        var last = Interlocked.Read(ref _lastPruneTicks);
        if (now.UtcTicks - last > DefaultWindow.Ticks && Interlocked.CompareExchange(ref _lastPruneTicks, now.UtcTicks, last) == last)
        {
            Prune(now);
        }
    }

    public IEnumerable<Measurement<int>> Observe()
    {
        var now = time.GetUtcNow();
        Prune(now);
        return _readings
            .GroupBy(r => r.Key.Api, r => r.Value.Remaining)
            .Select(api => new Measurement<int>(api.Min(), new KeyValuePair<string, object?>("api", api.Key)))
            .ToList();
    }

    private void Prune(DateTimeOffset now)
    {
        foreach (var (key, reading) in _readings)
        {
            if (reading.ResetsAt <= now)
            {
                _readings.TryRemove(KeyValuePair.Create(key, reading));
            }
        }
    }

    private sealed record Reading(int Remaining, DateTimeOffset ResetsAt);
}
