using System.Collections.Concurrent;
using AlpacaConnect.Gql.Alpaca;
using AlpacaConnect.Gql.Alpaca.Http;
using Microsoft.Extensions.Options;

namespace AlpacaConnect.Gql.Streaming;

/// <summary>
/// The stream's share of an account's calls: its handshakes and its reconciliations' calls together, at most
/// <see cref="StreamingOptions.RequestBudget"/> in any minute, so however the socket behaves the rest of Alpaca's
/// 200 a minute stays for the user's own calls (placeOrder above all). A call beyond the share is not sent.
/// Kept per account across workers, so a worker that ends and starts again does not start afresh.
/// </summary>
internal sealed class StreamBudget(IOptions<StreamingOptions> options, TimeProvider time)
{
    /// <summary>Alpaca counts an account's calls per minute.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<Guid, SendLog> _logs = new();

    /// <summary>The account's share as an allowance, for calls made through the Alpaca clients.</summary>
    public IUpstreamAllowance For(Guid connectionId) => new Allowance(this, connectionId);

    /// <summary>Counts one call of the account's stream, or throws <see cref="AlpacaRateLimitedException"/> when its share is spent.</summary>
    public void Spend(Guid connectionId)
    {
        while (true)
        {
            var log = _logs.GetOrAdd(connectionId, _ => new SendLog());
            lock (log)
            {
                if (log.Retired)
                {
                    continue;
                }

                var now = time.GetUtcNow();
                log.Forget(now - Window);
                if (log.Count >= options.Value.RequestBudget)
                {
                    throw new AlpacaRateLimitedException(
                        $"The stream's share of this account's Alpaca calls ({options.Value.RequestBudget} a minute) is spent; the call was not sent.")
                    {
                        RetryAfter = log.Oldest + Window - now,
                    };
                }

                log.Sent.Enqueue(now);
                return;
            }
        }
    }

    /// <summary>
    /// Calls the account's stream may spend on optional reads now, keeping a quarter of its share (at least 2) for its
    /// handshakes and order lists. Without the reserve a pass's fill-history reads spent the whole share, the next
    /// handshake was refused, and the stream stayed down while the reads that replace it were refused too (the chaos
    /// soak left orders open that Alpaca had filled).
    /// </summary>
    public int Spare(Guid connectionId)
    {
        var share = options.Value.RequestBudget;
        var reserve = Math.Max(2, share / 4);
        if (!_logs.TryGetValue(connectionId, out var log))
        {
            return Math.Max(0, share - reserve);
        }

        lock (log)
        {
            log.Forget(time.GetUtcNow() - Window);
            return Math.Max(0, share - log.Count - reserve);
        }
    }

    /// <summary>Drops the logs of accounts with no call in the last minute (the supervisor's rescan asks), so memory follows streaming accounts.</summary>
    public void ForgetIdle()
    {
        var cutoff = time.GetUtcNow() - Window;
        foreach (var (connectionId, log) in _logs)
        {
            lock (log)
            {
                log.Forget(cutoff);
                if (log.Count == 0 && _logs.TryRemove(KeyValuePair.Create(connectionId, log)))
                {
                    log.Retired = true;
                }
            }
        }
    }

    private sealed class SendLog
    {
        public Queue<DateTimeOffset> Sent { get; } = new();

        public bool Retired { get; set; }

        public int Count => Sent.Count;

        public DateTimeOffset Oldest => Sent.Peek();

        public void Forget(DateTimeOffset until)
        {
            while (Sent.Count > 0 && Sent.Peek() <= until)
            {
                Sent.Dequeue();
            }
        }
    }

    private sealed class Allowance(StreamBudget budget, Guid connectionId) : IUpstreamAllowance
    {
        public void Spend() => budget.Spend(connectionId);

        public int Spare => budget.Spare(connectionId);
    }
}
