using System.Collections.Concurrent;
using AlpacaConnect.Gql.Alpaca;
using Microsoft.Extensions.Options;

namespace AlpacaConnect.Gql.Market;

/// <summary>
/// The active asset list of each environment (<c>GET /v2/assets?status=active</c> for equities and for crypto), read
/// through whichever caller needs it first, indexed once and kept for <see cref="MarketDataOptions.AssetListRefresh"/>
/// (a day: listings change overnight). One read at a time per environment; callers arriving meanwhile share it. When a
/// refresh fails the previous list goes on serving, since a day-old list answers a search box better than an error.
/// </summary>
internal sealed partial class AssetListCache(TimeProvider time, IOptionsMonitor<MarketDataOptions> options, ILogger<AssetListCache> logger)
{
    private static readonly string[] Classes = ["us_equity", "crypto"];

    private readonly ConcurrentDictionary<AlpacaEnvironment, Slot> _slots = new();

    public async Task<AssetSearchIndex> GetAsync(IAlpacaTradingClient client, CancellationToken cancellationToken)
    {
        var slot = _slots.GetOrAdd(client.Connection.Environment, _ => new Slot());
        var current = slot.Index;
        var now = time.GetUtcNow();
        if (current is not null
            && (now - current.LoadedAt < options.CurrentValue.AssetListRefresh || now - slot.FailedAt < options.CurrentValue.AssetListRetryAfterFailure))
        {
            // Fresh, or a refresh failed a moment ago: the list serves as it is rather than every search asking Alpaca again.
            return current;
        }

        Task<AssetSearchIndex> loading;
        lock (slot)
        {
            slot.Loading ??= LoadAsync(client, slot);
            loading = slot.Loading;
        }

        try
        {
            return await loading.WaitAsync(cancellationToken);
        }
        catch (AlpacaApiException e) when (current is not null)
        {
            LogStale(logger, client.Connection.Environment, e.Kind);
            return current;
        }
    }

    /// <summary>Runs without any caller's token: others may be waiting on it.</summary>
    private async Task<AssetSearchIndex> LoadAsync(IAlpacaTradingClient client, Slot slot)
    {
        try
        {
            await Task.Yield(); // never completes inside the caller's lock
            var lists = await Task.WhenAll(Classes.Select(c => client.ListActiveAssetsAsync(c, CancellationToken.None)));
            var index = new AssetSearchIndex(lists.SelectMany(l => l), time.GetUtcNow());
            slot.Index = index;
            return index;
        }
        catch (AlpacaApiException)
        {
            slot.FailedAt = time.GetUtcNow();
            throw;
        }
        finally
        {
            lock (slot)
            {
                slot.Loading = null;
            }
        }
    }

    [LoggerMessage(EventId = 3400, Level = LogLevel.Warning, Message = "Refreshing the {Environment} asset list failed ({Kind}); the previous list goes on serving searches")]
    private static partial void LogStale(ILogger logger, AlpacaEnvironment environment, AlpacaErrorKind kind);

    private sealed class Slot
    {
        private volatile AssetSearchIndex? _index;

        public AssetSearchIndex? Index { get => _index; set => _index = value; }

        /// <summary>When the last refresh failed; written by the one load in flight, read without a lock (a stale read only retries sooner).</summary>
        public DateTimeOffset FailedAt { get; set; } = DateTimeOffset.MinValue;

        /// <summary>The read in flight; guarded by locking the slot.</summary>
        public Task<AssetSearchIndex>? Loading { get; set; }
    }
}
