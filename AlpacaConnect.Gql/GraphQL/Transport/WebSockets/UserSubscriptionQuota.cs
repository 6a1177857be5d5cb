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

    public bool TryAcquire(string userId) => Counters.TryIncrement(_active, userId, options.Value.MaxSubscriptionsPerUser);

    public void Release(string userId) => Counters.Decrement(_active, userId);

    public int ActiveFor(string userId) => _active.TryGetValue(userId, out var count) ? count : 0;
}
