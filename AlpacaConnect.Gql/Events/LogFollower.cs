using System.Threading.Channels;

namespace AlpacaConnect.Gql.Events;

/// <summary>
/// A subscription that follows a durable log: the bus only wakes it up, and every wake-up reads the log after the
/// last entry this subscriber was given. A lost or repeated bus message therefore costs nothing but latency: the next
/// wake-up reads what was missed, in log order, and nothing twice.
/// </summary>
/// <remarks>
/// Wake-ups are coalesced into one pending read (a channel of one), so a burst of events is one read and a slow
/// reader never queues without bound; how far a socket may fall behind is the transport's business. Without any
/// wake-up the log is read again every <paramref name="resync"/>: a lost message whose event is the user's last for a
/// while (a fill, say) is delivered then instead of never.
/// </remarks>
internal sealed class LogFollower<TWake, TOut>(
    IObservable<TWake> wakeups, Func<TWake, bool> concerns, Func<ILogCursor<TOut>> open, TimeProvider time, TimeSpan resync)
    : IObservable<TOut>
{
    public IDisposable Subscribe(IObserver<TOut> observer)
    {
        var pending = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });
        var stop = new CancellationTokenSource();
        // Listening before the first read: whatever commits after the cursor's start position also wakes it up.
        var subscription = wakeups.Subscribe(new Waker(pending.Writer, concerns));
        _ = PumpAsync(open(), pending.Reader, observer, stop.Token);
        return new Stopper(subscription, pending.Writer, stop);
    }

    private async Task PumpAsync(ILogCursor<TOut> cursor, ChannelReader<bool> pending, IObserver<TOut> observer, CancellationToken cancellationToken)
    {
        try
        {
            do
            {
                bool more;
                do
                {
                    var page = await cursor.ReadNextAsync(cancellationToken);
                    foreach (var item in page.Items)
                    {
                        observer.OnNext(item);
                    }

                    more = page.More;
                }
                while (more);
            }
            while (await WokenAsync(pending, cancellationToken));

            observer.OnCompleted();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Unsubscribed.
        }
        catch (Exception e)
        {
            observer.OnError(e);
        }
    }

    /// <summary>True on a wake-up or when the resync interval passed; false when the bus completed.</summary>
    private async Task<bool> WokenAsync(ChannelReader<bool> pending, CancellationToken cancellationToken)
    {
        using var resynced = new CancellationTokenSource(resync, time);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, resynced.Token);
        try
        {
            return await pending.WaitToReadAsync(either.Token) && pending.TryRead(out _);
        }
        catch (OperationCanceledException) when (resynced.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return true;
        }
    }

    private sealed class Waker(ChannelWriter<bool> pending, Func<TWake, bool> concerns) : IObserver<TWake>
    {
        public void OnNext(TWake value)
        {
            if (concerns(value))
            {
                pending.TryWrite(true);
            }
        }

        public void OnError(Exception error) => pending.TryComplete(error);

        public void OnCompleted() => pending.TryComplete();
    }

    private sealed class Stopper(IDisposable subscription, ChannelWriter<bool> pending, CancellationTokenSource stop) : IDisposable
    {
        public void Dispose()
        {
            subscription.Dispose();
            pending.TryComplete();
            stop.Cancel();
            stop.Dispose();
        }
    }
}

/// <summary>One subscriber's position in a log: each read returns the entries after the last one it returned.</summary>
internal interface ILogCursor<TOut>
{
    Task<LogPage<TOut>> ReadNextAsync(CancellationToken cancellationToken);
}

/// <summary>Entries in log order; <see cref="More"/> when the read stopped at its page size.</summary>
internal sealed record LogPage<TOut>(IReadOnlyList<TOut> Items, bool More);
