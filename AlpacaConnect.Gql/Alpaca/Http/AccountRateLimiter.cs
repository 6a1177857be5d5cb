using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace AlpacaConnect.Gql.Alpaca.Http;

/// <summary>
/// Per-account sliding-log limiter: at most <see cref="AlpacaRateLimitOptions.PermitLimit"/> sends per account in any
/// window, so one busy account cannot spend Alpaca's 200/minute and never delays another account. Time comes from
/// <see cref="TimeProvider"/>.
/// </summary>
internal sealed class AccountRateLimiter(IOptions<AlpacaRateLimitOptions> options, TimeProvider time) : IAccountRateLimiter
{
    private const int CleanupEvery = 4096;

    private readonly ConcurrentDictionary<(string Api, Guid Account), SendLog> _logs = new();
    private long _acquisitions;

    public async ValueTask AcquireAsync(string api, Guid account, CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref _acquisitions) % CleanupEvery == 0)
        {
            ForgetIdle();
        }

        var limits = options.Value;
        var deadline = time.GetUtcNow() + limits.MaxQueueWait;
        while (true)
        {
            var log = _logs.GetOrAdd((api, account), _ => new SendLog());
            TimeSpan wait;
            lock (log)
            {
                if (log.Retired)
                {
                    continue;
                }

                var now = time.GetUtcNow();
                log.Forget(now - limits.Window);
                if (log.Count < limits.PermitLimit)
                {
                    log.Record(now);
                    return;
                }

                wait = log.Oldest + limits.Window - now;
                if (now + wait > deadline)
                {
                    throw new AlpacaRateLimitedException(
                        $"This account's Alpaca call budget ({limits.PermitLimit} per {limits.Window}) is spent; the request was not sent.")
                    {
                        RetryAfter = wait,
                    };
                }
            }

            await Task.Delay(wait, time, cancellationToken);
        }
    }

    /// <summary>Drops logs of accounts idle for a whole window, so memory follows active accounts only.</summary>
    public void ForgetIdle()
    {
        var cutoff = time.GetUtcNow() - options.Value.Window;
        foreach (var (key, log) in _logs)
        {
            lock (log)
            {
                log.Forget(cutoff);
                if (log.Count == 0 && _logs.TryRemove(new KeyValuePair<(string, Guid), SendLog>(key, log)))
                {
                    log.Retired = true;
                }
            }
        }
    }

    private sealed class SendLog
    {
        private readonly Queue<DateTimeOffset> _sent = new();

        public bool Retired { get; set; }

        public int Count => _sent.Count;

        public DateTimeOffset Oldest => _sent.Peek();

        public void Record(DateTimeOffset at) => _sent.Enqueue(at);

        public void Forget(DateTimeOffset olderThan)
        {
            while (_sent.Count > 0 && _sent.Peek() <= olderThan)
            {
                _sent.Dequeue();
            }
        }
    }
}
