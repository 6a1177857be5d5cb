namespace AlpacaConnect.Gql.Orders;

/// <summary>
/// The two locks of order placement. <see cref="Keys"/>: one attempt at a time per (user, idempotency key), held from
/// the lookup of the key to the recorded outcome, so concurrent retries wait and then see the first one's order.
/// <see cref="Users"/>: around a user's guardrail check and the insert of the row, so two orders cannot both pass a
/// shared daily cap.
/// </summary>
internal sealed class OrderLocks
{
    public KeyedLock Keys { get; } = new();

    public KeyedLock Users { get; } = new();

    public static string KeyOf(string userId, string idempotencyKey) => $"{userId.Length}:{userId}|{idempotencyKey}";
}
