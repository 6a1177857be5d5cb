using AlpacaConnect.Gql.Persistence;

namespace AlpacaConnect.Gql.Orders;

/// <summary>
/// One attempt at a time per (user, idempotency key), across server instances (<see cref="ISharedLocks"/>), held from
/// the lookup of the key to the recorded outcome, so concurrent retries wait and then see the first one's order instead
/// of sending it again. Different keys never wait for each other: the daily caps are atomic reservations instead.
/// </summary>
internal sealed class OrderLocks(ISharedLocks locks)
{
    public Task<IAsyncDisposable> ForKeyAsync(string userId, string idempotencyKey, CancellationToken cancellationToken) =>
        locks.AcquireAsync($"order-key:{userId.Length}:{userId}|{idempotencyKey}", cancellationToken);
}
