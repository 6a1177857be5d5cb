using System.Collections.Concurrent;
using AlpacaConnect.Gql.Alpaca;
using AlpacaConnect.Gql.Alpaca.Http;
using AlpacaConnect.Gql.Alpaca.Models;
using AlpacaConnect.Gql.Connections;
using AlpacaConnect.Gql.GraphQL.Errors;
using AlpacaConnect.Gql.Orders.Pipeline;
using AlpacaConnect.Gql.Trading.Reads;
using Microsoft.Extensions.Options;

namespace AlpacaConnect.Gql.Orders;

/// <summary>
/// Brings the caller's open orders up to date from <c>GET /v2/orders</c> before the history is read, at most once per
/// <see cref="OrderHistoryOptions.SyncStaleAfter"/> per connection and once at a time (the read cache's single flight).
/// Only orders this server placed are tracked (docs/decisions/0009-order-history-syncs-only-orders-placed-here.md).
/// A failed sync never fails the read: the history is served as last recorded.
/// </summary>
internal sealed partial class OrderHistorySync(
    ConnectionDirectory connections,
    IAlpacaClientFactory alpaca,
    OrderStore store,
    MissedExecutions executions,
    ConnectionReadCache cache,
    IOptions<OrderHistoryOptions> options,
    IOptionsMonitor<OrderPipelineOptions> pipeline,
    TimeProvider time,
    ILogger<OrderHistorySync> logger)
{
    /// <summary>The read cache key; placing, filling or cancelling forgets it, so the next read syncs.</summary>
    private const string Kind = ReadKinds.OrderHistory;

    private const string ReconcileKind = "order-reconcile";

    /// <summary>Where each account's sweep of its closed orders stopped (oldest submission time read), until it completes.</summary>
    private readonly ConcurrentDictionary<(Guid ConnectionId, string? AccountId), DateTimeOffset> _sweeps = new();

    /// <summary>Alpaca's maximum page (facts 2.5).</summary>
    private const int AlpacaMaxPage = 500;

    /// <summary>
    /// Our creation time is on our clock, Alpaca's <c>submitted_at</c> on its own: look a little further back than the
    /// oldest open order so clock skew cannot hide it.
    /// </summary>
    private static readonly TimeSpan Overlap = TimeSpan.FromMinutes(5);

    public async Task RefreshAsync(string userId, CancellationToken cancellationToken)
    {
        BoundConnection connection;
        try
        {
            connection = await connections.RequireBoundAsync(userId, cancellationToken);
        }
        catch (ApiException)
        {
            // Not connected (or reauth required): nothing can be synced; what we hold is still the user's history.
            return;
        }

        try
        {
            await cache.GetOrLoadAsync(connection.Connection.ConnectionId, Kind, options.Value.SyncStaleAfter,
                () => SyncAsync(userId, connection, "sync"), cancellationToken);
        }
        catch (Exception e) when (e is AlpacaApiException or HttpRequestException or Microsoft.EntityFrameworkCore.DbUpdateException)
        {
            LogSyncFailed(logger, connection.Connection.ConnectionId, e);
        }
    }

    /// <summary>
    /// Reconciles the connection's open orders now (for the stream supervisor, after a (re)connect or while polling);
    /// never joining a sync a read started earlier (its answer may predate what the stream missed). Failures reach the caller.
    /// </summary>
    public Task<int> ReconcileAsync(string userId, BoundConnection connection, CancellationToken cancellationToken) =>
        cache.GetOrLoadAsync(connection.Connection.ConnectionId, ReconcileKind, TimeSpan.Zero, () => SyncAsync(userId, connection, "reconcile"), cancellationToken);

    /// <summary>
    /// Reconciles now with a pass of its own, never joining one in flight: an operator settling a stuck order asks Alpaca
    /// after asking, and a pass the supervisor started a moment earlier may have read the account before the fill.
    /// </summary>
    public Task<int> ReconcileOwnPassAsync(string userId, BoundConnection connection) => SyncAsync(userId, connection, "reconcile");

    /// <summary>Runs without the request's token: other requests may be sharing it. Returns how many orders changed.</summary>
    private async Task<int> SyncAsync(string userId, BoundConnection connection, string source)
    {
        // Only the orders of the account the connection points at now: an order is never looked for at another account.
        var open = await store.ListOpenAsync(userId, connection.AccountId, connection.Environment, CancellationToken.None);
        if (open.Count == 0)
        {
            return 0;
        }

        var missing = open.ToDictionary(o => o.Id);
        var byClientOrderId = open.ToDictionary(o => o.ClientOrderId, StringComparer.Ordinal);
        var byAlpacaId = open.Where(o => o.AlpacaOrderId is not null).ToDictionary(o => o.AlpacaOrderId!.Value);
        var changed = 0;
        var client = alpaca.ForConnection(connection.Connection);

        // Every read first, every write after: applying a report may read the order's fill activities, and those
        // reads must not spend the budget the pass's own lists need (a refused list would fail the whole pass and
        // leave every order it had not reached as it was, pass after pass).
        var claimed = new List<(Order Ours, AlpacaOrder Reported)>();
        var unclaimed = new List<AlpacaOrder>();
        var newLegs = new List<(Order Parent, List<AlpacaOrder> Legs)>();
        void Claim(IEnumerable<AlpacaOrder> reported)
        {
            foreach (var order in reported)
            {
                var ours = byAlpacaId.GetValueOrDefault(order.Id) ?? byClientOrderId.GetValueOrDefault(order.ClientOrderId);
                if (ours is null)
                {
                    unclaimed.Add(order);
                }
                else if (missing.Remove(ours.Id))
                {
                    claimed.Add((ours, order));
                }

                if (ours is not null && order.Legs.Count > 0)
                {
                    // Nested reads carry the legs only under their parent: ours are applied, new ones saved as rows.
                    var known = order.Legs.Where(l => byAlpacaId.ContainsKey(l.Id) || byClientOrderId.ContainsKey(l.ClientOrderId)).ToList();
                    Claim(known);
                    newLegs.Add((ours, order.Legs.Except(known).ToList()));
                }
            }
        }

        Exception? failed = null;
        try
        {
            await ListAsync(client, connection, missing, Claim);
            changed += await SettleClosesAsync(connection, missing, unclaimed, source);
            changed += await LookUpAsync(client, missing, Claim);
        }
        catch (Exception e) when (e is AlpacaApiException or HttpRequestException or TimeoutException)
        {
            // What was read is still applied; the rest waits for the next pass.
            failed = e;
        }

        foreach (var (parent, legs) in newLegs)
        {
            await store.RecordLegsAsync(parent, legs, CancellationToken.None);
        }

        // Charged to the stream's share, the reads stop where its reserve begins: reading fills is worth less than the
        // handshake and the order list that keep every order moving.
        var fillReads = Math.Min(options.Value.MaxFillReadsPerPass, UpstreamAllowance.Spare ?? int.MaxValue);
        var unread = 0;
        foreach (var (ours, reported) in claimed)
        {
            var readFills = MissedExecutions.WouldReadFills(ours, reported) && fillReads-- > 0;
            unread += MissedExecutions.WouldReadFills(ours, reported) && !readFills ? 1 : 0;
            if (await executions.ReconcileAsync(client, ours, reported, source, readFills, CancellationToken.None))
            {
                changed++;
            }
        }

        if (unread > 0)
        {
            LogFillsNotRead(logger, connection.Connection.ConnectionId, unread, options.Value.MaxFillReadsPerPass);
        }

        if (failed is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failed);
        }

        return changed;
    }

    /// <summary>
    /// What is still open at Alpaca, then what of ours closed meanwhile: the newest page, then onward from where the
    /// previous pass of this account stopped, back to our oldest missing order at most.
    /// </summary>
    private async Task ListAsync(IAlpacaTradingClient client, BoundConnection connection, Dictionary<Guid, Order> missing, Action<IEnumerable<AlpacaOrder>> claim)
    {
        // What is still open at Alpaca, in one call: an account has few open orders.
        claim(await client.ListOrdersAsync(Query(AlpacaOrderQueryStatus.Open, until: null, after: null, AlpacaMaxPage), CancellationToken.None));

        // Newest first, so a busy account's thousands of older orders cannot keep the recent ones out of reach; and a
        // sweep over passes, so the older ones are reached too: rereading only the newest pages left them to one-by-one
        // lookups, a few a pass, for hours after a long outage.
        var sweep = (connection.Connection.ConnectionId, connection.AccountId);
        var pageSize = options.Value.PageSize;
        var until = (DateTimeOffset?)null;
        for (var page = 0; page < options.Value.MaxPagesPerPass && missing.Count > 0; page++)
        {
            var after = missing.Values.Min(o => o.CreatedAt) - Overlap;
            var reported = await client.ListOrdersAsync(Query(AlpacaOrderQueryStatus.Closed, until, after, pageSize), CancellationToken.None);
            claim(reported);
            if (reported.Count < pageSize)
            {
                // Everything back to the oldest missing order is read: the next pass sweeps from the newest again.
                _sweeps.TryRemove(sweep, out _);
                break;
            }

            // `until` is exclusive on submission time; ties at Alpaca's nanosecond precision across a page edge are
            // not expected for one account (and a tie missed here is looked up below).
            var oldest = reported.Min(o => o.SubmittedAt ?? o.CreatedAt);
            if (page > 0)
            {
                _sweeps[sweep] = oldest;
                until = oldest;
            }
            else
            {
                until = _sweeps.TryGetValue(sweep, out var stopped) && stopped < oldest && stopped > after ? stopped : oldest;
            }
        }
    }

    /// <summary>Whatever is left (older than the pages reached, or never listed), one by one, a bounded number per pass.</summary>
    private async Task<int> LookUpAsync(IAlpacaTradingClient client, Dictionary<Guid, Order> missing, Action<IEnumerable<AlpacaOrder>> claim)
    {
        var changed = 0;
        foreach (var ours in missing.Values.OrderBy(o => o.CreatedAt).Take(options.Value.MaxLookupsPerPass).ToList())
        {
            try
            {
                claim([ours.AlpacaOrderId is { } id
                    ? await client.GetOrderAsync(id, nested: true, CancellationToken.None)
                    : await client.GetOrderByClientOrderIdAsync(ours.ClientOrderId, CancellationToken.None)]);
            }
            catch (AlpacaApiException e) when (e.Kind == AlpacaErrorKind.NotFound)
            {
                // Never reached Alpaca: placing again with the same key settles it, until the intent is too old to send.
                if (IsExpired(ours) && OrderSettlement.IsExpiredIntent(await store.MarkIntentExpiredAsync(ours.Id, CancellationToken.None)))
                {
                    changed++;
                }
            }
        }

        return changed;
    }

    /// <summary>
    /// Closes whose answer was lost: linked to Alpaca's closing order when the lists show one (<see cref="ClosingOrders"/>),
    /// expired when none has appeared within the window. Removed from <paramref name="missing"/> either way, since they
    /// cannot be looked up by a client order id.
    /// </summary>
    private async Task<int> SettleClosesAsync(BoundConnection connection, Dictionary<Guid, Order> missing, List<AlpacaOrder> unclaimed, string source)
    {
        var changed = 0;
        foreach (var close in missing.Values.Where(o => o.Command == OrderCommandKind.Close && o.AlpacaOrderId is null).OrderBy(o => o.CreatedAt).ToList())
        {
            missing.Remove(close.Id);
            if (ClosingOrders.Match(close, unclaimed) is { } closing
                && await store.FindReportedAsync(connection.Connection.ConnectionId, connection.AccountId, closing, CancellationToken.None) is null)
            {
                unclaimed.Remove(closing);
                await store.ApplyClosingAsync(close.Id, closing, source, CancellationToken.None);
                changed++;
            }
            else if (IsExpired(close))
            {
                await store.MarkIntentExpiredAsync(close.Id, CancellationToken.None);
                changed++;
            }
        }

        return changed;
    }

    private bool IsExpired(Order order) => pipeline.CurrentValue.HasExpired(order, time.GetUtcNow());

    private static AlpacaOrderQuery Query(AlpacaOrderQueryStatus status, DateTimeOffset? until, DateTimeOffset? after, int pageSize) => new()
    {
        Status = status,
        Limit = pageSize,
        After = after,
        Until = until,
        Direction = AlpacaSortDirection.Desc,
        // Bracket legs roll up under their parent, which is the order we hold.
        Nested = true,
    };

    [LoggerMessage(EventId = 3101, Level = LogLevel.Information, Message = "Connection {ConnectionId}: {Count} orders filled further without their fill activities read (at most {Limit} a pass); each got one event with Alpaca's reported fill")]
    private static partial void LogFillsNotRead(ILogger logger, Guid connectionId, int count, int limit);

    [LoggerMessage(EventId = 3100, Level = LogLevel.Warning, Message = "Order history sync for connection {ConnectionId} failed; serving the history as last recorded")]
    private static partial void LogSyncFailed(ILogger logger, Guid connectionId, Exception exception);
}
