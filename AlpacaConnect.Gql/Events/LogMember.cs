namespace AlpacaConnect.Gql.Events;

/// <summary>
/// One subscriber of a key's log: first it reads the log itself from its own position until it has caught up, while
/// holding what the tail offers meanwhile; then it takes the tail's entries as they come. Whatever the timing, each
/// entry after the start position reaches the observer once, in sequence order.
/// </summary>
/// <remarks>
/// Why nothing falls in the seam: the member joins the tail before its first read of the log, and reads only once
/// the tail knows where the log ended. An entry committed before a read is in that read; one committed after it is
/// read by the tail later and offered to the member, which already belongs to it. Duplicates are dropped by sequence.
/// Should an offered entry skip a sequence anyway (or more was offered while catching up than the member holds), the
/// member reads the log again instead of guessing.
/// </remarks>
internal sealed class LogMember<TKey, TItem>(
    ISequencedLog<TKey, TItem> log, TKey key, long? after, Func<TItem, bool> concerns, IObserver<TItem> observer)
    : IDisposable
{
    /// <summary>How many offered entries a catching-up member holds; beyond that it reads them from the log.</summary>
    private const int MaxHeld = 256;

    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stop = new();
    private List<TItem>? _held = [];
    private bool _overflowed;
    private bool _ended;
    private long _position;

    /// <summary>Starts once the tail is ready; without a position, from the tail's (<see cref="LogTail{TKey, TItem}.Position"/>).</summary>
    public void Start(LogTail<TKey, TItem> tail) => _ = CatchUpAsync(tail.Ready, () => tail.Position, starting: true, _stop.Token);

    /// <summary>Unsubscribed: nothing more reaches the observer.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _ended = true;
        }

        _stop.Cancel();
        _stop.Dispose();
    }

    /// <summary>Called by the tail, in sequence order, for every entry it reads.</summary>
    public void Offer(TItem item)
    {
        lock (_gate)
        {
            if (_ended)
            {
                return;
            }

            if (_held is not null)
            {
                Hold(item);
                return;
            }

            var sequence = log.SequenceOf(item);
            if (sequence <= _position)
            {
                return;
            }

            if (sequence > _position + 1)
            {
                _held = [item];
                var token = _stop.Token;
                _ = Task.Run(() => CatchUpAsync(Task.CompletedTask, tailPosition: null, starting: false, token));
                return;
            }

            Deliver(item, sequence);
        }
    }

    private void Hold(TItem item)
    {
        if (_held!.Count < MaxHeld)
        {
            _held.Add(item);
        }
        else
        {
            _overflowed = true;
        }
    }

    private async Task CatchUpAsync(Task tailReady, Func<long>? tailPosition, bool starting, CancellationToken cancellationToken)
    {
        try
        {
            await tailReady.WaitAsync(cancellationToken);
            var live = false;
            if (starting)
            {
                // Without a position, from now on: what the tail has read so far is history, and whatever it reads
                // later it offers to this member, which joined it first, so there is nothing to read here.
                var start = after ?? tailPosition!();
                lock (_gate)
                {
                    _position = start;
                }

                live = after is null && TryGoLive();
            }

            while (!live)
            {
                IReadOnlyList<TItem> page;
                do
                {
                    page = await log.AfterAsync(key, Volatile.Read(ref _position), catchingUp: true, cancellationToken);
                    lock (_gate)
                    {
                        foreach (var item in page)
                        {
                            DeliverIfNext(item);
                        }
                    }
                }
                while (page.Count == log.PageSize);
                live = TryGoLive();
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Unsubscribed.
        }
        catch (Exception e)
        {
            lock (_gate)
            {
                _ended = true;
            }

            observer.OnError(e);
        }
    }

    /// <summary>Passes on what was held, in order; false when that left a gap (or entries were dropped) to read first.</summary>
    private bool TryGoLive()
    {
        lock (_gate)
        {
            if (_ended)
            {
                return true;
            }

            var held = _held!;
            var next = 0;
            if (!_overflowed)
            {
                for (; next < held.Count && log.SequenceOf(held[next]) <= _position + 1; next++)
                {
                    DeliverIfNext(held[next]);
                }

                if (next == held.Count)
                {
                    _held = null;
                    return true;
                }
            }

            // What is left is read from the log again; held entries it returns twice are dropped by sequence.
            _overflowed = false;
            held.Clear();
            return false;
        }
    }

    private void DeliverIfNext(TItem item)
    {
        var sequence = log.SequenceOf(item);
        if (sequence > _position && !_ended)
        {
            Deliver(item, sequence);
        }
    }

    private void Deliver(TItem item, long sequence)
    {
        _position = sequence;
        if (concerns(item))
        {
            observer.OnNext(item);
        }
    }
}
