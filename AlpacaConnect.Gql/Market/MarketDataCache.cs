using System.ComponentModel;
using System.Globalization;
using AlpacaConnect.Gql.Alpaca;
using AlpacaConnect.Gql.Alpaca.Models;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Options;

namespace AlpacaConnect.Gql.Market;

/// <summary>
/// Snapshots and bars cached per feed, not per user (decision 0034): the key is what was asked (feed, symbols, bar
/// terms), never who asked, so N users asking the same within the time to live make one upstream call, and N asking
/// at once share it (HybridCache's stampede protection). The call goes out through the first caller's connection and
/// spends that account's market-data budget (<c>AccountRateLimitHandler</c>'s <c>data</c> bucket), never the trading one.
/// Failures are not cached: the next caller tries again.
/// </summary>
internal sealed class MarketDataCache(HybridCache cache, IOptionsMonitor<MarketDataOptions> options)
{
    private static readonly HybridCacheEntryFlags LocalOnly = HybridCacheEntryFlags.DisableDistributedCache;

    /// <summary>Snapshots of <paramref name="symbols"/> (upper-case, distinct); the set's order does not matter.</summary>
    public async Task<IReadOnlyDictionary<string, AlpacaSnapshot>> SnapshotsAsync(
        IAlpacaTradingClient client, IReadOnlyCollection<string> symbols, bool crypto, CancellationToken cancellationToken)
    {
        var feed = options.CurrentValue.Feed;
        var sorted = symbols.Order(StringComparer.Ordinal).ToList();
        var key = $"md:snap:{(crypto ? "crypto" : feed)}:{string.Join(',', sorted)}";
        var set = await cache.GetOrCreateAsync(
            key,
            (client, sorted, crypto, feed),
            static async (state, token) => new SnapshotSet(await state.client.GetSnapshotsAsync(state.sorted, state.crypto, state.feed, token)),
            Entry(options.CurrentValue.SnapshotTtl),
            cancellationToken: cancellationToken);
        return set.Snapshots;
    }

    /// <summary>Up to <paramref name="first"/> bars from <paramref name="start"/>, following page tokens up to the configured bound.</summary>
    public async Task<BarSeries> BarsAsync(
        IAlpacaTradingClient client, string symbol, BarTimeframe timeframe, DateTimeOffset start, DateTimeOffset? end, int first,
        CancellationToken cancellationToken)
    {
        var current = options.CurrentValue;
        var feed = current.Feed;
        var key = string.Create(CultureInfo.InvariantCulture,
            $"md:bars:{feed}:{symbol}:{timeframe.Wire}:{start.UtcTicks}:{end?.UtcTicks}:{first}");
        var ttl = timeframe.IsIntraday ? current.IntradayBarsTtl : current.DailyBarsTtl;
        return await cache.GetOrCreateAsync(
            key,
            (client, symbol, timeframe, start, end, first, feed, current.MaxBarPages),
            static async (s, token) => await ReadBarsAsync(s.client, s.symbol, s.timeframe, s.start, s.end, s.first, s.feed, s.MaxBarPages, token),
            Entry(ttl),
            cancellationToken: cancellationToken);
    }

    private static async Task<BarSeries> ReadBarsAsync(
        IAlpacaTradingClient client, string symbol, BarTimeframe timeframe, DateTimeOffset start, DateTimeOffset? end, int first, string feed,
        int maxPages, CancellationToken cancellationToken)
    {
        var bars = new List<AlpacaBar>();
        string? token = null;
        for (var page = 0; page < maxPages && bars.Count < first; page++)
        {
            var answer = await client.GetStockBarsAsync(symbol, timeframe.Wire, start, end, first - bars.Count, feed, token, cancellationToken);
            bars.AddRange(answer.Bars.Take(first - bars.Count));
            token = answer.NextPageToken;
            if (token is null)
            {
                break;
            }
        }

        return new BarSeries(symbol, timeframe, bars, HasMore: token is not null);
    }

    /// <summary>A zero time to live keeps nothing, but callers arriving together still share one call.</summary>
    private static HybridCacheEntryOptions Entry(TimeSpan ttl) => ttl > TimeSpan.Zero
        ? new() { Expiration = ttl, LocalCacheExpiration = ttl, Flags = LocalOnly }
        : new() { Flags = LocalOnly | HybridCacheEntryFlags.DisableLocalCache };

    /// <summary>Immutable and sealed, so HybridCache keeps the instance instead of serializing a copy per hit.</summary>
    [ImmutableObject(true)]
    private sealed record SnapshotSet(IReadOnlyDictionary<string, AlpacaSnapshot> Snapshots);
}

/// <summary>A stock's bars in time order; <see cref="HasMore"/> when more exist past the requested count or page bound.</summary>
[ImmutableObject(true)]
internal sealed record BarSeries(string Symbol, BarTimeframe Timeframe, IReadOnlyList<AlpacaBar> Bars, bool HasMore);
