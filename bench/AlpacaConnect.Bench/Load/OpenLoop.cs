using System.Collections.Concurrent;
using System.Diagnostics;

namespace AlpacaConnect.Bench.Load;

/// <summary>What a fixed-rate run did: how many calls were due, sent, answered well, and their latencies.</summary>
public sealed record OpenLoopResult(int Due, int Sent, int Succeeded, int Failed, double Seconds, double AchievedPerSecond, LatencySummary Latency, string? FirstFailure);

/// <summary>
/// Requests at a fixed rate whatever the answers do (open loop): request i is due at i/rate seconds, and its latency is
/// counted from when it was due, so a server that falls behind shows it instead of slowing the generator down.
/// At most <c>maxOutstanding</c> requests wait at once; calls due beyond that are not sent (counted as due, not sent).
/// </summary>
public static class OpenLoop
{
    public static async Task<OpenLoopResult> RunAsync(
        int perSecond, TimeSpan duration, Func<CancellationToken, Task<string?>> call, int maxOutstanding = 1000)
    {
        var samples = new ConcurrentBag<double>();
        var failed = 0;
        var outstanding = 0;
        string? firstFailure = null;
        var inFlight = new List<Task>();
        var clock = Stopwatch.StartNew();
        var origin = Stopwatch.GetTimestamp();
        var due = (int)(perSecond * duration.TotalSeconds);
        var sent = 0;
        for (var next = 0; next < due;)
        {
            var elapsed = clock.Elapsed.TotalSeconds;
            for (; next < due && next <= elapsed * perSecond; next++)
            {
                if (Volatile.Read(ref outstanding) >= maxOutstanding)
                {
                    continue;
                }

                var dueAt = origin + (long)(next * (double)Stopwatch.Frequency / perSecond);
                Interlocked.Increment(ref outstanding);
                sent++;
                inFlight.Add(Task.Run(async () =>
                {
                    string? failure;
                    try
                    {
                        failure = await call(CancellationToken.None);
                    }
                    catch (Exception e) when (e is HttpRequestException or TaskCanceledException or InvalidOperationException)
                    {
                        failure = e.GetType().Name + ": " + e.Message;
                    }

                    Interlocked.Decrement(ref outstanding);
                    if (failure is null)
                    {
                        samples.Add(LatencySummary.Milliseconds(dueAt, Stopwatch.GetTimestamp()));
                    }
                    else
                    {
                        Interlocked.Increment(ref failed);
                        Interlocked.CompareExchange(ref firstFailure, failure, null);
                    }
                }));
            }

            await Task.Delay(1);
        }

        await Task.WhenAll(inFlight);
        var seconds = clock.Elapsed.TotalSeconds;
        return new OpenLoopResult(due, sent, samples.Count, failed, seconds, samples.Count / seconds, LatencySummary.FromMilliseconds([.. samples]), firstFailure);
    }
}
