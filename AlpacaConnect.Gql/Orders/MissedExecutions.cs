using AlpacaConnect.Gql.Alpaca;
using AlpacaConnect.Gql.Alpaca.Models;

namespace AlpacaConnect.Gql.Orders;

/// <summary>
/// When a REST read finds an order filled further than we recorded (the stream was down), the executions in between
/// come from the order's FILL account activities, one event each, in cumulative order: PARTIAL_FILLs, then the report
/// itself carrying the last one. Events are keyed by the cumulative quantity, so an execution the stream already
/// recorded is never counted twice. If the activities cannot be read, the report alone is recorded, as before.
/// </summary>
internal sealed partial class MissedExecutions(OrderStore store, ILogger<MissedExecutions> logger)
{
    /// <summary>Pages of 100 executions read per order and pass; an order with more gets its report for the rest.</summary>
    private const int MaxPages = 5;

    /// <summary>Whether applying <paramref name="reported"/> to <paramref name="ours"/> would read the order's fill activities.</summary>
    public static bool WouldReadFills(Order ours, AlpacaOrder reported) => reported.FilledQty > ours.FilledQty;

    /// <summary>
    /// Applies <paramref name="reported"/> to <paramref name="ours"/>, with the executions in between when
    /// <paramref name="readFills"/> (else the report alone); true when anything was recorded.
    /// </summary>
    public async Task<bool> ReconcileAsync(
        IAlpacaTradingClient client, Order ours, AlpacaOrder reported, string source, bool readFills, CancellationToken cancellationToken)
    {
        var recorded = false;
        if (readFills && WouldReadFills(ours, reported) && await ReadAsync(client, reported.Id, cancellationToken) is { } fills)
        {
            var notional = 0m;
            foreach (var fill in fills.Where(f => f.OrderId is null || f.OrderId == reported.Id).OrderBy(f => f.CumQty))
            {
                notional += fill.Price * fill.Qty;
                if (fill.CumQty > reported.FilledQty || fill.CumQty <= 0)
                {
                    // Newer than the report (or malformed): the next pass sees it with the report that counts it.
                    break;
                }

                var execution = new TradeExecution(fill.Id, fill.Price, fill.Qty, PositionQty: null);
                var last = fill.CumQty == reported.FilledQty;
                if (last && reported.Status is AlpacaOrderStatus.Filled or AlpacaOrderStatus.PartiallyFilled)
                {
                    recorded |= await store.ReconcileWithExecutionAsync(ours.Id, reported, execution, source, cancellationToken);
                    break;
                }

                var average = last && reported.FilledAvgPrice is { } reportedAverage ? reportedAverage : Math.Round(notional / fill.CumQty, 9);
                recorded |= await store.RecordMissedExecutionAsync(ours.Id, fill.CumQty, average, execution, source, cancellationToken);
            }
        }

        // What Alpaca reports about the order wins: its status (a cancel after partial fills) and anything the activities lacked.
        return await store.ReconcileAsync(ours.Id, reported, source, cancellationToken) | recorded;
    }

    private async Task<IReadOnlyList<AlpacaFillActivity>?> ReadAsync(IAlpacaTradingClient client, Guid alpacaOrderId, CancellationToken cancellationToken)
    {
        try
        {
            return await client.ListFillActivitiesAsync(alpacaOrderId, MaxPages, cancellationToken);
        }
        catch (Exception e) when (e is AlpacaApiException or HttpRequestException or TimeoutException)
        {
            LogActivitiesFailed(logger, client.Connection.ConnectionId, alpacaOrderId, e);
            return null;
        }
    }

    [LoggerMessage(EventId = 3110, Level = LogLevel.Warning, Message = "Reading the fill activities of Alpaca order {AlpacaOrderId} on connection {ConnectionId} failed; recording its reported fill as one event without execution details")]
    private static partial void LogActivitiesFailed(ILogger logger, Guid connectionId, Guid alpacaOrderId, Exception exception);
}
