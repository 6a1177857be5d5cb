using AlpacaConnect.Gql.Alpaca;
using AlpacaConnect.Gql.Connections;
using AlpacaConnect.Gql.GraphQL.Errors;
using AlpacaConnect.Gql.Guardrails;
using AlpacaConnect.Gql.Trading.Assets;
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

        if (command.Precheck() is { Count: > 0 } misfit)
        {
            return PipelineResult.Failed(misfit);
        }

        try
        {
            var connection = await connections.RequireBoundAsync(command.UserId, cancellationToken);
            if (await gate.RefusalAsync(command.UserId, connection.AccountId, cancellationToken) is { } closed)
            {
                return PipelineResult.Failed(closed);
            }

            var client = alpaca.ForConnection(connection.Connection);
            if (await command.PrepareAsync(connection, client, cancellationToken) is { Count: > 0 } stopped)
            {
                return PipelineResult.Failed(stopped);
            }

            var (intent, refused) = await CheckAndReserveAsync(command, connection, client, cancellationToken);
            if (intent is null)
            {
                return PipelineResult.Failed(refused);
            }

            return await settlement.SettleAsync(command, client, intent, await command.SendAsync(client, intent), firstAttempt: true);
        }
        catch (ApiException e) when (e.Code is ErrorCodes.NotConnected or ErrorCodes.ReauthRequired)
        {
            return PipelineResult.Failed(ConnectionError(e));
        }
        catch (AlpacaApiException e) when (command.Describe(e) is { } error)
        {
            // A read before the intent was saved failed; nothing was saved or sent.
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
            return new PipelineResult(existing, [ConnectionError(e), new OrderStateUnknownError(existing.Id, command.UnknownGuidance)]);
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
            if (await command.PrepareAsync(connection, client, cancellationToken) is { Count: > 0 } stopped)
            {
                return new PipelineResult(existing, stopped);
            }

            var (asset, context, unfit) = await ReadAsync(command, connection, client, cancellationToken);
            var refused = unfit.Count > 0 ? unfit : (await JudgeAsync(command, connection, asset!, context, existing, cancellationToken)).Refused;
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

    /// <summary>The checks, then the intent saved with its reservation; or why not.</summary>
    private async Task<(Order? Intent, IReadOnlyList<PayloadError> Refused)> CheckAndReserveAsync(
        OrderCommand command, BoundConnection connection, IAlpacaTradingClient client, CancellationToken cancellationToken)
    {
        var policy = guardrails.CurrentValue;
        var (asset, context, misfit) = await ReadAsync(command, connection, client, cancellationToken);
        if (misfit.Count > 0)
        {
            return (null, misfit);
        }

        // Only the usage is read again when another order took it first: the upstream reads stand.
        for (var attempt = 1; ; attempt++)
        {
            var (estimate, refused) = await JudgeAsync(command, connection, asset!, context, replaying: null, cancellationToken);
            if (refused.Count > 0)
            {
                return (null, refused);
            }

            var now = time.GetUtcNow();
            var day = TradingDay.Of(now);
            var (supersededCount, supersededValue) = command.Supersedes(day);
            var intent = command.NewIntent();
            intent.Id = Guid.NewGuid();
            intent.ConnectionId = connection.Connection.ConnectionId;
            intent.AlpacaAccountId = connection.AccountId;
            intent.Environment = connection.Environment;
            intent.Command = command.Kind;
            intent.AssetClass = asset!.Class;
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

    private static PayloadError ConnectionError(ApiException e) =>
        e.Code == ErrorCodes.NotConnected ? new NotConnectedError() : new ReauthRequiredError();
}

internal sealed partial class OrderPipeline
{
    /// <summary>The asset and the market read from Alpaca, and the asset's refusals of the order (none when it may go on).</summary>
    private async Task<(TradableAsset? Asset, GuardrailContext Context, IReadOnlyList<PayloadError> Misfit)> ReadAsync(
        OrderCommand command, BoundConnection connection, IAlpacaTradingClient client, CancellationToken cancellationToken)
    {
        var ticket = command.Ticket();
        var (asset, context) = await market.ReadAsync(connection.Connection.ConnectionId, client, ticket.Symbol, cancellationToken);
        var closing = command.Kind == OrderCommandKind.Close;
        return (asset, context, AssetRules.Check(ticket, asset, guardrails.CurrentValue.AllowedAssetClasses, closing));
    }

    /// <summary>
    /// The guardrails, against the usage of today without <paramref name="replaying"/>'s own reservation (a replay is
    /// checked as if it were new, and keeps the reservation it holds). The order's value when it passes.
    /// </summary>
    private async Task<(decimal Estimate, IReadOnlyList<PayloadError> Refused)> JudgeAsync(
        OrderCommand command, BoundConnection connection, TradableAsset asset, GuardrailContext context, Order? replaying,
        CancellationToken cancellationToken)
    {
        var ticket = command.Ticket();
        var day = TradingDay.Of(time.GetUtcNow());
        var (count, micros) = await store.UsageAsync(command.UserId, day, cancellationToken);
        var (supersededCount, supersededValue) = command.Supersedes(day);
        if (replaying?.UsageDay == day)
        {
            count -= replaying.ReservedCount;
            micros -= replaying.ReservedNotionalMicros;
        }

        context = context with { OrdersToday = count - supersededCount, NotionalToday = Reservation.ToDollars(micros) - supersededValue };
        var order = new GuardrailOrder(ticket.Symbol, ticket.Side, ticket.Type, ticket.TimeInForce, ticket.Qty, ticket.Notional, ticket.LimitPrice,
            ticket.StopPrice, connection.Environment)
        {
            Multiplier = asset.ValueMultiplier,
            TradesAroundTheClock = asset.Class == Trading.AssetClass.Crypto,
            Closing = command.Kind == OrderCommandKind.Close,
        };
        var violations = GuardrailPolicy.Check(order, context, guardrails.CurrentValue);
        if (violations.Count > 0)
        {
            return (0m, violations.Select(v => (PayloadError)new GuardrailViolationError(v.Rule, v.Message, v.Limit, v.Actual)).ToList());
        }

        return (order.Closing ? 0m : GuardrailPolicy.EstimatedNotional(order, context) ?? 0m, []);
    }
}
