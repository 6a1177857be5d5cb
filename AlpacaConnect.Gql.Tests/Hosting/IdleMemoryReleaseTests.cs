using AlpacaConnect.Gql.Hosting;
using AlpacaConnect.Gql.Tests.TestHost;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AlpacaConnect.Gql.Tests.Hosting;

/// <summary>
/// When the server gives unused memory back: after a quiet second that follows real work, never while it is busy, and
/// not again and again for an idle server. The process is a fake (an allocation count the test sets, a release it
/// counts), so the test process's own allocations do not decide anything.
/// </summary>
public sealed class IdleMemoryReleaseTests
{
    private const long MiB = 1024 * 1024;

    [Fact]
    public async Task TheFirstQuietSecondAfterStartUpGivesMemoryBack()
    {
        await using var run = await Run.StartAsync(allocatedAtStart: 80 * MiB);

        await run.SecondAsync(allocated: 100 * 1024);

        Assert.Equal(1, run.Releases);
    }

    [Fact]
    public async Task ABusyServerIsNeverCollected()
    {
        await using var run = await Run.StartAsync(allocatedAtStart: 80 * MiB);

        for (var second = 0; second < 20; second++)
        {
            await run.SecondAsync(allocated: 3 * MiB);
        }

        Assert.Equal(0, run.Releases);
    }

    [Fact]
    public async Task AnIdleServerIsCollectedOnceNotEverySecond()
    {
        await using var run = await Run.StartAsync(allocatedAtStart: 80 * MiB);

        for (var second = 0; second < 30; second++)
        {
            await run.SecondAsync(allocated: 64 * 1024);
        }

        Assert.Equal(1, run.Releases);
    }

    [Fact]
    public async Task QuietAfterTheNextBusySpellGivesMemoryBackAgain()
    {
        await using var run = await Run.StartAsync(allocatedAtStart: 80 * MiB);
        await run.SecondAsync(allocated: 0);

        for (var second = 0; second < 10; second++)
        {
            await run.SecondAsync(allocated: 4 * MiB);
        }

        Assert.Equal(1, run.Releases);
        await run.SecondAsync(allocated: 0);
        Assert.Equal(2, run.Releases);
    }

    [Fact]
    public async Task SwitchedOffItNeverCollects()
    {
        await using var run = await Run.StartAsync(allocatedAtStart: 80 * MiB, enabled: false);

        for (var second = 0; second < 5; second++)
        {
            run.Time.Advance(IdleMemoryRelease.CheckEvery);
        }

        Assert.Equal(0, run.Reads);
        Assert.Equal(0, run.Releases);
    }

    private sealed class Run : IAsyncDisposable
    {
        private readonly IdleMemoryRelease _service;
        private long _allocated;
        private int _reads;
        private int _releases;

        private Run(long allocatedAtStart, bool enabled)
        {
            _allocated = allocatedAtStart;
            var process = new IdleMemoryRelease.Process(
                () =>
                {
                    Interlocked.Increment(ref _reads);
                    return Interlocked.Read(ref _allocated);
                },
                () => Interlocked.Increment(ref _releases));
            _service = new IdleMemoryRelease(
                Options.Create(new RuntimeOptions { ReleaseMemoryWhenIdle = enabled }), Time, NullLogger<IdleMemoryRelease>.Instance, process);
        }

        public FakeTimeProvider Time { get; } = new();

        public int Releases => Volatile.Read(ref _releases);

        public int Reads => Volatile.Read(ref _reads);

        public static async Task<Run> StartAsync(long allocatedAtStart, bool enabled = true)
        {
            var run = new Run(allocatedAtStart, enabled);
            await run._service.StartAsync(CancellationToken.None);
            if (enabled)
            {
                // The first read is the baseline the first second is measured from.
                await Eventually.HoldsAsync(() => run.Reads >= 1, "the service read the allocation count at start");
            }

            return run;
        }

        /// <summary>One second in which the process allocates <paramref name="allocated"/> bytes; returns once the service has looked.</summary>
        public async Task SecondAsync(long allocated)
        {
            Interlocked.Add(ref _allocated, allocated);
            var before = _service.Checks;
            Time.Advance(IdleMemoryRelease.CheckEvery);
            await Eventually.HoldsAsync(() => _service.Checks > before, "the service looked at the second");
        }

        public async ValueTask DisposeAsync()
        {
            await _service.StopAsync(CancellationToken.None);
            _service.Dispose();
        }
    }
}
