using AlpacaConnect.Gql.Alpaca;
using AlpacaConnect.Gql.GraphQL.Errors;
using AlpacaConnect.Gql.Trading.Reads;

namespace AlpacaConnect.Gql.Orders.Pipeline;

/// <summary>
/// The last step of <see cref="OrderPipeline"/>: what one send ended with, recorded on the intent. Only Alpaca's own
/// answer settles an order; a refusal that follows an attempt whose answer was lost settles nothing, because that
/// attempt may exist, and the stream or the reconciliation (or, failing those, the intent's expiry) settles it later.
/// </summary>
internal sealed partial class OrderSettlement(OrderStore store, ConnectionReadCache reads, ILogger<OrderSettlement> logger)
{
    /// <summary>An intent that expired unsent: its status is ours, not Alpaca's, and a report from Alpaca still overrides it.</summary>
    public static bool IsExpiredIntent(Order order) => order.Status == OrderStatus.Expired && order.RejectionCode == ErrorCodes.OrderIntentExpired;

    /// <summary>
    /// Records <c>outcome</c> on the intent. <c>firstAttempt</c> is true for the first send of a fresh intent: nothing
    /// of it can be at Alpaca but what this send did. A replay's send is never first: an earlier attempt may have arrived.
    /// </summary>
    public async Task<PipelineResult> SettleAsync(
        OrderCommand command, IAlpacaTradingClient client, Order intent, SubmissionOutcome outcome, bool firstAttempt)
    {
        switch (outcome)
        {
            case SubmissionOutcome.Placed placed:
                var stored = await command.RecordAsync(store, intent, placed);
                // An open order reserves buying power at once: the account read a moment ago is stale now.
                reads.InvalidateBalances(intent.ConnectionId);
                return new PipelineResult(await command.AcceptedAsync(client, stored), []);

            case SubmissionOutcome.Refused { Error: var e, AfterAmbiguous: var afterAmbiguous }:
                var message = OrderErrorMapping.Describe(e);
                var code = UpstreamErrorCodes.For(e);
                var rejection = OrderErrorMapping.Rejection(code, e.AlpacaCode, message);
                if (firstAttempt && !afterAmbiguous)
                {
                    return new PipelineResult(await store.MarkRejectedAsync(intent.Id, code, e.AlpacaCode, message, CancellationToken.None), [rejection]);
                }

                LogRefusedAfterAmbiguous(logger, intent.Id, intent.ClientOrderId, code);
                return await KeepUnknownAsync(command, intent, rejection);

            case SubmissionOutcome.NotSent { Error: var e } when firstAttempt:
                // Alpaca never received it: the row and its reservation go, and the key is free again.
                await store.DeleteAsync(intent, CancellationToken.None);
                return command.Describe(e) is { } typed ? PipelineResult.Failed(typed) : throw e;

            case SubmissionOutcome.NotSent { Error: var e }:
                return await KeepUnknownAsync(command, intent, command.Describe(e));

            case SubmissionOutcome.Unknown { Error: var e }:
                LogUnknown(logger, intent.Id, intent.ClientOrderId, UpstreamErrorCodes.For(e));
                return await KeepUnknownAsync(command, intent, null);

            default:
                throw new InvalidOperationException($"Unexpected outcome {outcome}.");
        }
    }

    /// <summary>Kept as UNKNOWN for the reconciliation; answered as placed if the stream linked it meanwhile.</summary>
    private async Task<PipelineResult> KeepUnknownAsync(OrderCommand command, Order intent, PayloadError? why)
    {
        var kept = await store.MarkAsync(intent.Id, OrderStatus.Unknown, "unknown", CancellationToken.None);
        if (kept.AlpacaOrderId is not null)
        {
            return new PipelineResult(kept, []);
        }

        var unknown = new OrderStateUnknownError(intent.Id, command.UnknownGuidance);
        return new PipelineResult(kept, why is null ? [unknown] : [why, unknown]);
    }

    [LoggerMessage(EventId = 3000, Level = LogLevel.Warning, Message = "Order {OrderId} ({ClientOrderId}): Alpaca's state is unknown after {Code}; kept as UNKNOWN for reconciliation")]
    private static partial void LogUnknown(ILogger logger, Guid orderId, string clientOrderId, string code);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning, Message = "Order {OrderId} ({ClientOrderId}): a retry was refused ({Code}) after an attempt whose answer was lost; kept as UNKNOWN until Alpaca reports it")]
    private static partial void LogRefusedAfterAmbiguous(ILogger logger, Guid orderId, string clientOrderId, string code);
}
