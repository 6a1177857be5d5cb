namespace AlpacaConnect.Gql.Events;

/// <summary>
/// A durable log kept per key (a user), whose entries carry a sequence that increases by one per entry in commit
/// order: what <see cref="LogFanOut{TKey, TWake, TItem}"/> reads and shares among the key's subscribers.
/// </summary>
internal interface ISequencedLog<TKey, TItem>
{
    /// <summary>The largest read <see cref="AfterAsync"/> makes; a longer backlog is read page after page.</summary>
    int PageSize { get; }

    /// <summary>The key's last sequence given so far (0 before the first entry).</summary>
    Task<long> LastAsync(TKey key, CancellationToken cancellationToken);

    /// <summary>
    /// Up to <see cref="PageSize"/> of the key's entries after <paramref name="after"/>, in sequence order.
    /// <paramref name="catchingUp"/>: read for one subscriber resuming from its own position rather than for all.
    /// </summary>
    Task<IReadOnlyList<TItem>> AfterAsync(TKey key, long after, bool catchingUp, CancellationToken cancellationToken);

    long SequenceOf(TItem item);
}
