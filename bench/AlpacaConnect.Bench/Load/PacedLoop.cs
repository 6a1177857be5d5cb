using System.Diagnostics;

namespace AlpacaConnect.Bench.Load;

/// <summary>
/// One caller sending a request every 1/<c>perSecond</c> s, or as soon as the previous one answered if it took longer
/// (a user on a screen that refreshes, never more than one request at once), for a warm-up that is not counted and
/// then a measured window.
/// </summary>
public static class PacedLoop
{
    public static async Task<LoadResult> RunAsync(
        string target, string via, int perSecond, TimeSpan warmUp, TimeSpan duration, Func<CancellationToken, Task<string?>> call)
    {
        var interval = TimeSpan.FromSeconds(1.0 / perSecond);
        await RunWindowAsync(interval, warmUp, call);
        var clock = Stopwatch.StartNew();
        var (samples, failed, firstFailure) = await RunWindowAsync(interval, duration, call);
        var seconds = clock.Elapsed.TotalSeconds;
        return new LoadResult(target, via, 1, seconds, samples.Count, failed, samples.Count / seconds, LatencySummary.FromMilliseconds(samples), firstFailure);
    }

    private static async Task<(List<double> Samples, int Failed, string? FirstFailure)> RunWindowAsync(
        TimeSpan interval, TimeSpan duration, Func<CancellationToken, Task<string?>> call)
    {
        var samples = new List<double>();
        var failed = 0;
        string? firstFailure = null;
        var window = Stopwatch.StartNew();
        while (window.Elapsed < duration)
        {
            var start = Stopwatch.GetTimestamp();
            string? failure;
            try
            {
                failure = await call(CancellationToken.None);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or InvalidOperationException)
            {
                failure = e.GetType().Name + ": " + e.Message;
            }

            var end = Stopwatch.GetTimestamp();
            if (failure is null)
            {
                samples.Add(LatencySummary.Milliseconds(start, end));
            }
            else
            {
                failed++;
                firstFailure ??= failure;
            }

            var rest = interval - Stopwatch.GetElapsedTime(start);
            if (rest > TimeSpan.Zero)
            {
                await Task.Delay(rest);
            }
        }

        return (samples, failed, firstFailure);
    }
}
