using System.Collections.Immutable;
using System.Threading.Channels;

namespace AlpacaConnect.Gql.Events;

/// <summary>
/// The one reader of a key's log on this instance: on each wake-up (or every resync interval without one) it reads
/// the entries after the last it read, once, and offers each, in order, to every member.
/// </summary>
/// <remarks>
/// Wake-ups are coalesced into one pending read (a channel of one), so a burst of events is one read. A failed read
/// is retried with a growing pause instead of ending anyone's subscription: the log is durable, so nothing is lost,
/// only late.
/// </remarks>
internal sealed class LogTail<TKey, TItem>(TKey key, ISequencedLog<TKey, TItem> log, TimeProvider time, TimeSpan resync, ILogger logger)
    : IDisposable
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromMilliseconds(200);
    private readonly Channel<bool> _pending = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ImmutableArray<LogMember<TKey, TItem>> _members = [];
    private long _position;

    public TKey Key => key;

    /// <summary>Guarded by the fan-out's lock: how many subscriptions hold this tail.</summary>
    public int Holders { get; set; }

    /// <summary>Completes once the tail knows where the log ends: members catch up from the log only after that.</summary>
    public Task Ready => _ready.Task;

    /// <summary>
    /// The sequence of the last entry read (once <see cref="Ready"/>), set before that entry is offered: a member that
    /// joined earlier and starts from here receives every later entry, so a live-only member needs no read of its own.
    /// </summary>
    public long Position => Volatile.Read(ref _position);

    public void Start() => _ = RunAsync(_stop.Token);

    public void Wake() => _pending.Writer.TryWrite(true);

    public void Add(LogMember<TKey, TItem> member) => ImmutableInterlocked.Update(ref _members, m => m.Add(member));

    public void Remove(LogMember<TKey, TItem> member) => ImmutableInterlocked.Update(ref _members, m => m.Remove(member));

    /// <summary>Stops reading: the last member left.</summary>
    public void Dispose()
    {
        _ready.TrySetCanceled();
        _stop.Cancel();
        _stop.Dispose();
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            var last = await RetryingAsync(log.LastAsync, cancellationToken);
            Volatile.Write(ref _position, last);
            _ready.TrySetResult();
            do
            {
                IReadOnlyList<TItem> page;
                do
                {
                    var after = last;
                    page = await RetryingAsync((k, ct) => log.AfterAsync(k, after, catchingUp: false, ct), cancellationToken);
                    foreach (var item in page)
                    {
                        last = log.SequenceOf(item);
                        Volatile.Write(ref _position, last);
                        foreach (var member in _members)
                        {
                            member.Offer(item);
                        }
                    }
                }
                while (page.Count == log.PageSize);
            }
            while (await WokenAsync(cancellationToken));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // No subscriber left.
        }
    }

    private async Task<T> RetryingAsync<T>(Func<TKey, CancellationToken, Task<T>> read, CancellationToken cancellationToken)
    {
        var delay = FirstRetry;
        while (true)
        {
            try
            {
                return await read(key, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                LogFanOutLog.ReadFailed(logger, delay, e);
                await Task.Delay(delay, time, cancellationToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, resync.Ticks));
            }
        }
    }

    /// <summary>True on a wake-up or when the resync interval passed.</summary>
    private async Task<bool> WokenAsync(CancellationToken cancellationToken)
    {
        using var resynced = new CancellationTokenSource(resync, time);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, resynced.Token);
        try
        {
            return await _pending.Reader.WaitToReadAsync(either.Token) && _pending.Reader.TryRead(out _);
        }
        catch (OperationCanceledException) when (resynced.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return true;
        }
    }
}
