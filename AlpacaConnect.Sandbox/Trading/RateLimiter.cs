using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace AlpacaConnect.Sandbox.Trading;

/// <summary>Fixed one-minute windows per key (Alpaca: 200 requests per minute), with Alpaca's headers.</summary>
public sealed class RateLimiter(TimeProvider time, IOptions<SandboxOptions> options)
{
    private readonly ConcurrentDictionary<string, Window> _windows = new(StringComparer.Ordinal);

    public int Limit => options.Value.RateLimit.RequestsPerMinute;

    /// <summary>Counts a request; false when the window is used up.</summary>
    public bool TryAcquire(string key, HttpResponse response)
    {
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        var windowStart = now - now % 60;
        var window = _windows.GetOrAdd(key, _ => new Window());
        int remaining;
        bool allowed;
        lock (window)
        {
            if (window.Start != windowStart)
            {
                window.Start = windowStart;
                window.Used = 0;
            }

            allowed = window.Used < Limit;
            if (allowed)
            {
                window.Used++;
            }

            remaining = Limit - window.Used;
        }

        WriteHeaders(response, remaining, windowStart + 60);
        return allowed;
    }

    /// <summary>Headers of an injected 429: nothing left until the next window.</summary>
    public void WriteExhausted(HttpResponse response)
    {
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        WriteHeaders(response, 0, now - now % 60 + 60);
    }

    public void Reset() => _windows.Clear();

    private void WriteHeaders(HttpResponse response, int remaining, long reset)
    {
        response.Headers["X-Ratelimit-Limit"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture);
        response.Headers["X-Ratelimit-Remaining"] = remaining.ToString(System.Globalization.CultureInfo.InvariantCulture);
        response.Headers["X-Ratelimit-Reset"] = reset.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private sealed class Window
    {
        public long Start { get; set; }

        public int Used { get; set; }
    }
}
