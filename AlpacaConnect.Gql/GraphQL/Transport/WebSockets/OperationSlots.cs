namespace AlpacaConnect.Gql.GraphQL.Transport.WebSockets;

/// <summary>
/// The in-flight operation cap of one socket. The receive loop waits here before starting an operation, so a client
/// that sends faster than its operations finish is slowed down by TCP instead of having messages dropped.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001", Justification =
    "Slots are given back by operations that may end after the session has; a semaphore without a wait handle holds nothing to free.")]
internal sealed class OperationSlots(int capacity)
{
    private readonly SemaphoreSlim _free = new(capacity, capacity);

    /// <summary>Waits for a free slot; the returned slot is given back once, by its first <c>Dispose</c>.</summary>
    public async Task<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        await _free.WaitAsync(cancellationToken);
        return new Slot(_free);
    }

    public int Free => _free.CurrentCount;

    private sealed class Slot(SemaphoreSlim free) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                free.Release();
            }
        }
    }
}
