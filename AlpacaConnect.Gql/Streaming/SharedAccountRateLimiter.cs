using System.Globalization;
using AlpacaConnect.Gql.Alpaca;
using AlpacaConnect.Gql.Alpaca.Http;
using AlpacaConnect.Gql.Events;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace AlpacaConnect.Gql.Streaming;

/// <summary>
/// The per-account budget of Alpaca calls (<see cref="AlpacaRateLimitOptions"/>) kept in Redis, so every instance
/// spends the same budget: two or ten instances together never send more than one may. The same sliding log as
/// <see cref="AccountRateLimiter"/>, as a sorted set per (api, account) checked and written by one Lua script, which
/// Redis runs atomically.
/// </summary>
/// <remarks>
/// Our own script rather than the served RedisRateLimiting package: ten lines keep exactly the local limiter's
/// semantics and options (a sliding log; a call waits until the oldest one leaves the window, up to MaxQueueWait) on
/// the multiplexer the event bus already holds (decision 0032). While
/// Redis cannot be reached, each instance falls back to its own budget and logs it: an outage of the shared store must
/// not stop trading, and Alpaca's own 429 still guards the account.
/// </remarks>
internal sealed partial class SharedAccountRateLimiter(
    RedisConnection redis,
    AccountRateLimiter local,
    IOptions<AlpacaRateLimitOptions> options,
    IOptions<EventBusOptions> bus,
    TimeProvider time,
    ILogger<SharedAccountRateLimiter> logger) : IAccountRateLimiter
{
    // KEYS[1]: the account's log. ARGV: now (ms), window (ms), limit, a unique member. Answers 0 when the call was
    // recorded, else the milliseconds until the oldest call in the window leaves it.
    private const string Script = """
        redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', tonumber(ARGV[1]) - tonumber(ARGV[2]))
        if redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[3]) then
          redis.call('ZADD', KEYS[1], ARGV[1], ARGV[4])
          redis.call('PEXPIRE', KEYS[1], ARGV[2])
          return 0
        end
        local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
        return math.max(1, tonumber(oldest[2]) + tonumber(ARGV[2]) - tonumber(ARGV[1]))
        """;

    private readonly string _prefix = $"{bus.Value.Redis.ChannelPrefix}:budget:";

    public async ValueTask AcquireAsync(string api, Guid account, CancellationToken cancellationToken)
    {
        var limits = options.Value;
        var deadline = time.GetUtcNow() + limits.MaxQueueWait;
        var key = new RedisKey(_prefix + api + ":" + account.ToString("N"));
        while (true)
        {
            var now = time.GetUtcNow();
            TimeSpan wait;
            try
            {
                var multiplexer = await redis.GetAsync();
                var answer = await multiplexer.GetDatabase().ScriptEvaluateAsync(Script, [key],
                [
                    now.ToUnixTimeMilliseconds(),
                    (long)limits.Window.TotalMilliseconds,
                    limits.PermitLimit,
                    now.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture) + ":" + Guid.NewGuid().ToString("N"),
                ]);
                wait = TimeSpan.FromMilliseconds((long)answer);
            }
            catch (Exception e) when (e is RedisException or TimeoutException)
            {
                LogFallback(logger, e);
                await local.AcquireAsync(api, account, cancellationToken);
                return;
            }

            if (wait == TimeSpan.Zero)
            {
                return;
            }

            if (now + wait > deadline)
            {
                throw new AlpacaRateLimitedException(
                    $"This account's Alpaca call budget ({limits.PermitLimit} per {limits.Window}, shared by every instance) is spent; the request was not sent.")
                {
                    RetryAfter = wait,
                };
            }

            await Task.Delay(wait, time, cancellationToken);
        }
    }

    [LoggerMessage(EventId = 3510, Level = LogLevel.Warning, Message = "The shared Alpaca call budget in Redis could not be read; this instance counts its own calls meanwhile")]
    private static partial void LogFallback(ILogger logger, Exception exception);
}
