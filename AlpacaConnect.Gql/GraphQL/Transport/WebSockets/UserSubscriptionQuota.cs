using System.Collections.Concurrent;
using AlpacaConnect.Gql.GraphQL.Errors;
using Microsoft.Extensions.Options;

namespace AlpacaConnect.Gql.GraphQL.Transport.WebSockets;

/// <summary>
/// Active subscriptions per signed-in user over all of this instance's sockets and Server-Sent Events streams, so one
/// account cannot hold the server's memory by opening connection after connection. Counted per instance, not cluster-wide.
/// </summary>
internal sealed class UserSubscriptionQuota(IOptions<GraphQLWebSocketOptions> options)
{
    private readonly ConcurrentDictionary<string, int> _active = new(StringComparer.Ordinal);

    public bool TryAcquire(string userId) => Counters.TryIncrement(_active, userId, options.Value.MaxSubscriptionsPerUser);

    public void Release(string userId) => Counters.Decrement(_active, userId);

    public int ActiveFor(string userId) => _active.TryGetValue(userId, out var count) ? count : 0;

    /// <summary>The error one subscription too many gets, on either transport.</summary>
    public ApiException Exceeded() => new(ErrorCodes.SubscriptionLimitExceeded,
        $"This user already has {options.Value.MaxSubscriptionsPerUser} active subscriptions.");
}
