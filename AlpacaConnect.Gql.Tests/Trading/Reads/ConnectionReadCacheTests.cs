using AlpacaConnect.Gql.Trading;
using AlpacaConnect.Gql.Trading.Reads;
using Microsoft.Extensions.Time.Testing;

namespace AlpacaConnect.Gql.Tests.Trading.Reads;

public sealed class ConnectionReadCacheTests
{
    private static readonly TimeSpan Ttl = TimeSpan.FromSeconds(3);
    private readonly FakeTimeProvider _time = new();
    private readonly ConnectionReadCache _cache;
    private readonly Guid _alice = Guid.NewGuid();
    private readonly Guid _bob = Guid.NewGuid();
    private int _loads;

    public ConnectionReadCacheTests()
    {
        _cache = new ConnectionReadCache(_time);
    }

    private Task<string> ReadAsync(Guid connection, Func<Task<string>>? load = null, TimeSpan? ttl = null, CancellationToken cancellationToken = default) =>
        _cache.GetOrLoadAsync(connection, ReadKinds.Account, ttl ?? Ttl, load ?? (() =>
        {
            Interlocked.Increment(ref _loads);
            return Task.FromResult($"read {_loads} of {connection}");
        }), cancellationToken);

    [Fact]
    public async Task ManyConnectionsNeverGrowTheCachePastItsBoundAndARecentReadIsStillReused()
    {
        var cache = new ConnectionReadCache(_time, maxEntries: 16);
        var loads = 0;
        Task<string> Read(Guid connection) => cache.GetOrLoadAsync(connection, ReadKinds.Positions, Ttl, () =>
        {
            Interlocked.Increment(ref loads);
            return Task.FromResult($"positions of {connection}");
        }, CancellationToken.None);

        var largest = 0;
        for (var i = 0; i < 1_000; i++)
        {
            await Read(Guid.NewGuid());
            largest = Math.Max(largest, cache.Count);
        }

        // A well-behaved user reading now is served its own read, and its next read within the TTL is reused.
        var aliceRead = await Read(_alice);
        var loadsBefore = loads;
        Assert.Equal(aliceRead, await Read(_alice));
        Assert.Equal(loadsBefore, loads);
        Assert.Equal($"positions of {_alice}", aliceRead);
        Assert.InRange(largest, 1, 16);
    }

    [Fact]
    public async Task AReadIsReusedUntilItsTimeToLiveHasPassed()
    {
        var first = await ReadAsync(_alice);
        _time.Advance(Ttl - TimeSpan.FromTicks(1));
        var reused = await ReadAsync(_alice);
        _time.Advance(TimeSpan.FromTicks(1));
        var fresh = await ReadAsync(_alice);

        Assert.Equal(first, reused);
        Assert.NotEqual(first, fresh);
        Assert.Equal(2, _loads);
    }

    [Fact]
    public async Task ConcurrentReadsShareOneCallEvenWithoutReuse()
    {
        var upstream = new TaskCompletionSource<string>();
        var readers = Enumerable.Range(0, 100).Select(_ => ReadAsync(_alice, () =>
        {
            Interlocked.Increment(ref _loads);
            return upstream.Task;
        }, ttl: TimeSpan.Zero)).ToList();

        upstream.SetResult("shared");
        var values = await Task.WhenAll(readers);

        Assert.Equal(1, _loads);
        Assert.All(values, v => Assert.Equal("shared", v));
        Assert.NotEqual("shared", await ReadAsync(_alice, ttl: TimeSpan.Zero)); // nothing kept once done
    }

    [Fact]
    public async Task AFailureIsSharedByItsWaitersButNeverKept()
    {
        var upstream = new TaskCompletionSource<string>();
        var waiters = Enumerable.Range(0, 3).Select(_ => ReadAsync(_alice, () => upstream.Task)).ToList();

        upstream.SetException(new InvalidOperationException("upstream down"));

        foreach (var waiter in waiters)
        {
            await Assert.ThrowsAsync<InvalidOperationException>(() => waiter);
        }

        Assert.StartsWith("read 1", await ReadAsync(_alice), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OneCallerGivingUpDoesNotCancelTheSharedRead()
    {
        var upstream = new TaskCompletionSource<string>();
        using var impatient = new CancellationTokenSource();
        var gaveUp = ReadAsync(_alice, () => upstream.Task, cancellationToken: impatient.Token);
        var patient = ReadAsync(_alice, () => throw new InvalidOperationException("not a second call"));

        await impatient.CancelAsync();
        upstream.SetResult("done");

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => gaveUp);
        Assert.Equal("done", await patient);
    }

    [Fact]
    public async Task ConnectionsNeverShareReads()
    {
        var alice = await ReadAsync(_alice);
        var bob = await ReadAsync(_bob);

        Assert.EndsWith(_alice.ToString(), alice, StringComparison.Ordinal);
        Assert.EndsWith(_bob.ToString(), bob, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvalidatingForgetsOnlyThatConnection()
    {
        var alice = await ReadAsync(_alice);
        var bob = await ReadAsync(_bob);

        _cache.Invalidate(_alice);

        Assert.NotEqual(alice, await ReadAsync(_alice));
        Assert.Equal(bob, await ReadAsync(_bob));
    }

    [Fact]
    public async Task ATradeForgetsTheBalancesAndTheHistoryButKeepsTheQuoteTheClockAndTheAccountFlags()
    {
        var kinds = new[]
        {
            ReadKinds.Account, ReadKinds.Positions, ReadKinds.OrderHistory,
            ReadKinds.AccountStatus, ReadKinds.MarketHours, ReadKinds.Quote(AssetClass.UsEquity, "AAPL"),
        };
        var before = new Dictionary<string, string>();
        foreach (var kind in kinds)
        {
            before[kind] = await _cache.GetOrLoadAsync(_alice, kind, Ttl, () => Task.FromResult($"{kind} {Interlocked.Increment(ref _loads)}"), CancellationToken.None);
        }

        _cache.InvalidateBalances(_alice);

        var forgotten = new List<string>();
        foreach (var kind in kinds)
        {
            var after = await _cache.GetOrLoadAsync(_alice, kind, Ttl, () => Task.FromResult($"{kind} {Interlocked.Increment(ref _loads)}"), CancellationToken.None);
            if (after != before[kind])
            {
                forgotten.Add(kind);
            }
        }

        Assert.Equal([ReadKinds.Account, ReadKinds.Positions, ReadKinds.OrderHistory], forgotten);
    }
}
