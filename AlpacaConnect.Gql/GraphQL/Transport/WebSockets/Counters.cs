using System.Collections.Concurrent;

namespace AlpacaConnect.Gql.GraphQL.Transport.WebSockets;

/// <summary>Capped counts per key without locks; a key whose count drops to zero is removed, so idle keys cost nothing.</summary>
internal static class Counters
{
    public static bool TryIncrement(ConcurrentDictionary<string, int> counts, string key, int limit)
    {
        while (true)
        {
            var current = counts.GetOrAdd(key, 0);
            if (current >= limit)
            {
                return false;
            }

            if (counts.TryUpdate(key, current + 1, current))
            {
                return true;
            }
        }
    }

    public static void Decrement(ConcurrentDictionary<string, int> counts, string key)
    {
        while (counts.TryGetValue(key, out var current))
        {
            if (current <= 1 ? counts.TryRemove(KeyValuePair.Create(key, current)) : counts.TryUpdate(key, current - 1, current))
            {
                return;
            }
        }
    }
}
