using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace AlpacaConnect.Gql.GraphQL.Transport.WebSockets;

/// <summary>
/// Active subscriptions per signed-in user over all of this instance's sockets, so one account cannot
/// hold the server's memory by opening socket after socket. Counted per instance, not cluster-wide.
/// </summary>
internal sealed class UserSubscriptionQuota(IOptions<GraphQLWebSocketOptions> options)
{
    private readonly ConcurrentDictionary<string, int> _active = new(StringComparer.Ordinal);

    public bool TryAcquire(string userId)
    {
        var limit = options.Value.MaxSubscriptionsPerUser;
        while (true)
        {
            var current = _active.GetOrAdd(userId, 0);
            if (current >= limit)
            {
                return false;
            }

            if (_active.TryUpdate(userId, current + 1, current))
            {
                return true;
            }
        }
    }

    public void Release(string userId)
    {
        while (_active.TryGetValue(userId, out var current))
        {
            if (current <= 1 ? _active.TryRemove(KeyValuePair.Create(userId, current)) : _active.TryUpdate(userId, current - 1, current))
            {
                return;
            }
        }
    }

    public int ActiveFor(string userId) => _active.TryGetValue(userId, out var count) ? count : 0;
}
