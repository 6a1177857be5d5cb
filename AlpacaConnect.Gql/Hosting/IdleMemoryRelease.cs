using Microsoft.Extensions.Options;

namespace AlpacaConnect.Gql.Hosting;

/// <summary>
/// Gives memory the server no longer uses back to the operating system once it has gone quiet (decision 0043). A .NET
/// process keeps what start-up and its last busy spell allocated (generation 0's budget, the garbage of building the
/// EF model and the schema) until a collection finds a reason to return it, and a quiet server collects rarely: about
/// 11 MiB of an idle server's resident size was memory of that kind. Once a second this looks at how much the process
/// has allocated: after a second with almost nothing allocated, following enough allocation since the last release,
/// it runs one compacting collection that decommits what is free. Under load it never runs: a busy second is not quiet.
/// </summary>
internal sealed partial class IdleMemoryRelease(
    IOptions<RuntimeOptions> options, TimeProvider time, ILogger<IdleMemoryRelease> logger, IdleMemoryRelease.Process? process = null)
    : BackgroundService
{
    /// <summary>How often the allocation count is read.</summary>
    public static readonly TimeSpan CheckEvery = TimeSpan.FromSeconds(1);

    /// <summary>Less than this allocated in the last check's second is quiet (an idle server allocates about 64 KiB a second).</summary>
    public const long QuietBytes = 1024 * 1024;

    /// <summary>At least this allocated since the last release before another is worth its pause.</summary>
    public const long WorthBytes = 16 * 1024 * 1024;

    private readonly Process _process = process ?? Process.Real;

    private int _checks;

    /// <summary>Seconds looked at so far (tests wait on it).</summary>
    public int Checks => Volatile.Read(ref _checks);

    /// <summary>What the service reads and does to the process; tests give their own.</summary>
    public sealed record Process(Func<long> AllocatedBytes, Action Release)
    {
        public static readonly Process Real = new(
            () => GC.GetTotalAllocatedBytes(precise: false),
            () => GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true));
    }

    /// <summary>The decision, apart from the clock: quiet in the last second, and enough allocated since the last release.</summary>
    public static bool ShouldRelease(long allocatedNow, long allocatedAtLastCheck, long allocatedAtLastRelease) =>
        allocatedNow - allocatedAtLastCheck < QuietBytes && allocatedNow - allocatedAtLastRelease >= WorthBytes;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.ReleaseMemoryWhenIdle)
        {
            return;
        }

        // Start-up's own allocation counts: the first quiet second after it releases its garbage.
        long atLastRelease = 0;
        var atLastCheck = _process.AllocatedBytes();
        using var timer = new PeriodicTimer(CheckEvery, time);
        while (true)
        {
            try
            {
                await timer.WaitForNextTickAsync(stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            var now = _process.AllocatedBytes();
            if (ShouldRelease(now, atLastCheck, atLastRelease))
            {
                _process.Release();
                LogReleased(logger, (now - atLastRelease) >> 20);
                // The collection allocates too; the next second is measured from after it.
                now = _process.AllocatedBytes();
                atLastRelease = now;
            }

            atLastCheck = now;
            Interlocked.Increment(ref _checks);
        }
    }

    [LoggerMessage(EventId = 9800, Level = LogLevel.Debug, Message = "Quiet after {AllocatedMiB} MiB allocated: unused memory given back to the system")]
    private static partial void LogReleased(ILogger logger, long allocatedMiB);
}
