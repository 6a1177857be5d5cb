using AlpacaConnect.Gql.Alpaca;
using AlpacaConnect.Gql.Connections;
using AlpacaConnect.Gql.GraphQL.Errors;
using AlpacaConnect.Gql.Guardrails;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AlpacaConnect.Gql.Orders.Pipeline;

/// <summary>
/// The one path every command that can move money takes (decision 0015): resolve the caller's connection → check the
/// asset → guardrails → reserve the daily usage and save the intent, bound to its account, in one transaction → send
/// once → settle, with the launch controls (<see cref="TradingGate"/>: rollout, kill switch) before the first read of
/// the asset. A retry with the same key is a replay: it is answered from the row, or, while the earlier attempt is
/// unsettled, looked up at the account it was sent to, re-checked and only then sent. Nothing skips a step.
/// </summary>
internal sealed partial class OrderPipeline(
    ConnectionDirectory connections,
    IAlpacaClientFactory alpaca,
    OrderStore store,
    OrderLocks locks,
    MarketReader market,
    OrderSettlement settlement,
    TradingGate gate,
    IOptionsMonitor<GuardrailOptions> guardrails,
    IOptionsMonitor<OrderPipelineOptions> options,
    TimeProvider time)
{
    /// <summary>How often the reservation is tried again after another order took the usage it was checked against.</summary>
    private const int MaxReserveAttempts = 4;

    public async Task<PipelineResult> RunAsync(OrderCommand command, CancellationToken cancellationToken)
    {
        // One attempt per (user, key) at a time: a concurrent retry waits, then replays the first one's outcome.
        await using var keyLock = await locks.ForKeyAsync(command.UserId, command.IdempotencyKey, cancellationToken);
        if (await store.FindByKeyAsync(command.UserId, command.IdempotencyKey, cancellationToken) is { } existing)
        {
            return await ReplayAsync(command, existing, cancellationToken);
        }

        var assessed = await AssessAsync(command, cancellationToken);
        if (assessed.Refused.Count > 0)
        {
            return PipelineResult.Failed(assessed.Refused);
        }

        try
        {
            var (intent, refused) = await ReserveAsync(command, assessed, cancellationToken);
            if (intent is null)
            {
                return PipelineResult.Failed(refused);
            }

            var client = assessed.Client!;
            return await settlement.SettleAsync(command, client, intent, await command.SendAsync(client, intent), firstAttempt: true);
        }
        catch (ApiException e) when (e.Code is ErrorCodes.NotConnected or ErrorCodes.ReauthRequired)
        {
            return PipelineResult.Failed(ConnectionErrors.Of(e));
        }
        catch (AlpacaApiException e) when (command.Describe(e) is { } error)
        {
            // A call around the send that the send's own outcomes do not cover failed; an intent saved by then stays
            // unsettled, and a retry with the key settles it.
            return PipelineResult.Failed(error);
        }
        catch (DbUpdateException)
        {
            // Another server instance saved this key first (the unique index held): its order is this key's order.
            var raced = await store.FindByKeyAsync(command.UserId, command.IdempotencyKey, cancellationToken)
                ?? throw new InvalidOperationException("The order could not be saved.");
            return await ReplayAsync(command, raced, cancellationToken);
        }
    }

    /// <summary>
    /// The key was seen before: its order or the reason there is none, without a second order. An unsettled attempt is
    /// looked up only at the account it was sent to; if Alpaca has no such order it is sent again only while it is
    /// young enough and passes every check that can change over time.
    /// </summary>
    private async Task<PipelineResult> ReplayAsync(OrderCommand command, Order existing, CancellationToken cancellationToken)
    {
        if (existing.RequestFingerprint != command.Fingerprint)
        {
            return PipelineResult.Failed(new IdempotencyKeyReusedError());
        }

        if (OrderSettlement.IsExpiredIntent(existing))
        {
            return new PipelineResult(existing, [new OrderIntentExpiredError(existing.Id)]);
        }

        if (existing.Status is not (OrderStatus.PendingSubmit or OrderStatus.Unknown))
        {
            return new PipelineResult(existing, existing.RejectionCode is { } code
                ? [OrderErrorMapping.Rejection(code, existing.RejectionUpstreamCode, existing.RejectionMessage ?? "Alpaca refused the order.")]
                : []);
        }

        if (command.Precheck() is { Count: > 0 } misfit)
        {
            return new PipelineResult(existing, misfit);
        }

        BoundConnection connection;
        try
        {
            connection = await connections.RequireBoundAsync(existing.UserId, cancellationToken);
        }
        catch (ApiException e) when (e.Code is ErrorCodes.NotConnected or ErrorCodes.ReauthRequired)
        {
            return new PipelineResult(existing, [ConnectionErrors.Of(e), new OrderStateUnknownError(existing.Id, command.UnknownGuidance)]);
        }

        if (!connection.Holds(existing.AlpacaAccountId, existing.Environment))
        {
            return new PipelineResult(existing, [new OrderAccountChangedError(existing.Id)]);
        }

        var client = alpaca.ForConnection(connection.Connection);
        var expired = options.CurrentValue.HasExpired(existing, time.GetUtcNow());
        if (!command.CanLookUp)
        {
            // Nothing to look it up by: never sent again; the reconciliation links it, or it expires.
            return expired
                ? new PipelineResult(await store.MarkIntentExpiredAsync(existing.Id, CancellationToken.None), [new OrderIntentExpiredError(existing.Id)])
                : new PipelineResult(existing, [new OrderStateUnknownError(existing.Id, command.UnknownGuidance)]);
        }

        var found = await OrderSubmission.LookUpAsync(client, existing.ClientOrderId, null, CancellationToken.None);
        if (found is not SubmissionOutcome.Unknown { Error.Kind: AlpacaErrorKind.NotFound })
        {
            return await settlement.SettleAsync(command, client, existing, found, firstAttempt: false);
        }

        if (expired)
        {
            var stale = await store.MarkIntentExpiredAsync(existing.Id, CancellationToken.None);
            return new PipelineResult(stale, OrderSettlement.IsExpiredIntent(stale) ? [new OrderIntentExpiredError(existing.Id)] : []);
        }

        // Alpaca has no such order: only now would money move again, so only now do the launch controls apply.
        if (await gate.RefusalAsync(existing.UserId, existing.AlpacaAccountId, cancellationToken) is { } closed)
        {
            return new PipelineResult(existing, [closed]);
        }

        try
        {
            var refused = (await CheckAsync(command, connection, client, existing, cancellationToken)).Refused;
            if (refused.Count > 0)
            {
                return new PipelineResult(existing, refused);
            }
        }
        catch (AlpacaApiException e) when (command.Describe(e) is { } error)
        {
            return new PipelineResult(existing, [error, new OrderStateUnknownError(existing.Id, command.UnknownGuidance)]);
        }

        return await settlement.SettleAsync(command, client, existing, await command.SendAsync(client, existing), firstAttempt: false);
    }

    /// <summary>
    /// The intent saved with its reservation, for an order that passed every check; or why not. Only the usage is
    /// judged again when another order took it first: the upstream reads stand.
    /// </summary>
    private async Task<(Order? Intent, IReadOnlyList<PayloadError> Refused)> ReserveAsync(
        OrderCommand command, OrderAssessment assessed, CancellationToken cancellationToken)
    {
        var policy = guardrails.CurrentValue;
        var connection = assessed.Connection!;
        for (var attempt = 1; ; attempt++)
        {
            if (attempt > 1)
            {
                assessed = await JudgeAsync(command, assessed, replaying: null, cancellationToken);
                if (assessed.Refused.Count > 0)
                {
                    return (null, assessed.Refused);
                }
            }

            var estimate = assessed.Estimate;
            var now = time.GetUtcNow();
            var day = TradingDay.Of(now);
            var (supersededCount, supersededValue) = command.Supersedes(day);
            var intent = command.NewIntent();
            intent.Id = Guid.NewGuid();
            intent.ConnectionId = connection.Connection.ConnectionId;
            intent.AlpacaAccountId = connection.AccountId;
            intent.Environment = connection.Environment;
            intent.Command = command.Kind;
            intent.AssetClass = assessed.Asset!.Class;
            intent.EstimatedNotional = estimate;
            intent.Status = OrderStatus.PendingSubmit;
            intent.CreatedAt = now;
            intent.UpdatedAt = now;
            intent.UsageDay = day;
            intent.ReservedCount = 1 - supersededCount;
            intent.ReservedNotionalMicros = Reservation.ToMicros(estimate) - Reservation.ToMicros(supersededValue);
            if (await store.InsertReservedAsync(intent, policy.MaxOrdersPerDay, Reservation.ToMicros(policy.MaxDailyNotional), cancellationToken))
            {
                return (intent, []);
            }

            if (attempt == MaxReserveAttempts)
            {
                // Others keep taking and giving back the last of the usage; the caps hold, so refuse this one.
                return (null, [new GuardrailViolationError(GuardrailRules.MaxOrdersPerDay, "The daily limits are used up.", null, null)]);
            }
        }
    }
}
