using AlpacaConnect.Gql.Persistence;

namespace AlpacaConnect.Gql.Orders;

/// <summary>
/// The two locks of order placement, held across server instances (<see cref="ISharedLocks"/>). Per key: one attempt
/// at a time per (user, idempotency key), held from the lookup of the key to the recorded outcome, so concurrent
/// retries wait and then see the first one's order instead of sending it again. Per user: around the guardrail check
/// and the insert of the row, so two orders cannot both pass a shared daily cap. Always key before user.
/// </summary>
internal sealed class OrderLocks(ISharedLocks locks)
{
    public Task<IAsyncDisposable> ForKeyAsync(string userId, string idempotencyKey, CancellationToken cancellationToken) =>
        locks.AcquireAsync($"order-key:{userId.Length}:{userId}|{idempotencyKey}", cancellationToken);

    public Task<IAsyncDisposable> ForUserAsync(string userId, CancellationToken cancellationToken) =>
        locks.AcquireAsync($"order-user:{userId}", cancellationToken);
}
