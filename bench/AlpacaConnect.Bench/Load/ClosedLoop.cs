using System.Collections.Concurrent;
using System.Diagnostics;

namespace AlpacaConnect.Bench.Load;

/// <summary>
/// A fixed number of workers, each sending its next request as soon as the previous one answered (closed loop), for a
/// warm-up that is not counted and then a measured window. A call returns null on success or why it failed.
/// </summary>
public static class ClosedLoop
{
    public static Task<LoadResult> RunAsync(
        string target, string via, int concurrency, TimeSpan warmUp, TimeSpan duration, Func<CancellationToken, Task<string?>> call) =>
        RunAsync(target, via, concurrency, warmUp, duration, (_, cancellationToken) => call(cancellationToken));

    /// <summary>As above, with each call told which worker (0 to concurrency − 1) sends it, so a worker can stand for
    /// one user of many and keep that user's credentials.</summary>
    public static async Task<LoadResult> RunAsync(
        string target, string via, int concurrency, TimeSpan warmUp, TimeSpan duration, Func<int, CancellationToken, Task<string?>> call)
    {
        await RunWindowAsync(concurrency, warmUp, call, record: false);
        var (samples, failed, firstFailure, seconds) = await RunWindowAsync(concurrency, duration, call, record: true);
        return new LoadResult(
            target, via, concurrency, seconds, samples.Count, failed, samples.Count / seconds, LatencySummary.FromMilliseconds(samples), firstFailure);
    }

    private static async Task<(List<double> Samples, int Failed, string? FirstFailure, double Seconds)> RunWindowAsync(
        int concurrency, TimeSpan duration, Func<int, CancellationToken, Task<string?>> call, bool record)
    {
        var samples = new ConcurrentBag<double>();
        var failed = 0;
        string? firstFailure = null;
        var clock = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource(duration);
        var workers = Enumerable.Range(0, concurrency).Select(async worker =>
        {
            while (!stop.IsCancellationRequested)
            {
                var start = Stopwatch.GetTimestamp();
                string? failure;
                try
                {
                    failure = await call(worker, CancellationToken.None);
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or InvalidOperationException)
                {
                    failure = e.GetType().Name + ": " + e.Message;
                }

                var end = Stopwatch.GetTimestamp();
                if (!record)
                {
                    continue;
                }

                if (failure is null)
                {
                    samples.Add(LatencySummary.Milliseconds(start, end));
                }
                else
                {
                    Interlocked.Increment(ref failed);
                    Interlocked.CompareExchange(ref firstFailure, failure, null);
                }
            }
        }).ToList();
        await Task.WhenAll(workers);
        return ([.. samples], failed, firstFailure, clock.Elapsed.TotalSeconds);
    }
}
