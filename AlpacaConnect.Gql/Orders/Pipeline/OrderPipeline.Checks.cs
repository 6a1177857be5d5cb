using AlpacaConnect.Gql.Alpaca;
using AlpacaConnect.Gql.Connections;
using AlpacaConnect.Gql.GraphQL.Errors;
using AlpacaConnect.Gql.Guardrails;

namespace AlpacaConnect.Gql.Orders.Pipeline;

internal sealed partial class OrderPipeline
{
    /// <summary>
    /// The checks of a new command, in the pipeline's order (its own rules → the connection → the launch controls → its
    /// own reads → the asset → the guardrails against today's usage), stopping before the reservation: nothing is
    /// reserved, saved or sent. <see cref="RunAsync"/> goes on from here, and <c>previewOrder</c> stops here, so the
    /// two cannot disagree. The idempotency key plays no part: a preview is always of a new order.
    /// </summary>
    public async Task<OrderAssessment> AssessAsync(OrderCommand command, CancellationToken cancellationToken)
    {
        if (command.Precheck() is { Count: > 0 } misfit)
        {
            return new OrderAssessment(misfit);
        }

        try
        {
            var connection = await connections.RequireBoundAsync(command.UserId, cancellationToken);
            if (command.BoundTo is { } bound && !connection.Holds(bound.AccountId, bound.Environment))
            {
                return new OrderAssessment([new BatchAccountChangedError()]) { Connection = connection };
            }

            if (await gate.RefusalAsync(command.UserId, connection.AccountId, cancellationToken) is { } closed)
            {
                return new OrderAssessment([closed]) { Connection = connection };
            }

            return await CheckAsync(command, connection, alpaca.ForConnection(connection.Connection), replaying: null, cancellationToken);
        }
        catch (ApiException e) when (e.Code is ErrorCodes.NotConnected or ErrorCodes.ReauthRequired)
        {
            return new OrderAssessment([ConnectionErrors.Of(e)]);
        }
        catch (AlpacaApiException e) when (command.Describe(e) is { } error)
        {
            // A read failed; nothing was saved or sent.
            return new OrderAssessment([error]);
        }
    }

    /// <summary>
    /// What a new command and a replay both check once the connection is known and the launch controls passed: the
    /// command's own preparation, the asset, and the guardrails (a replay's without its own reservation).
    /// </summary>
    private async Task<OrderAssessment> CheckAsync(
        OrderCommand command, BoundConnection connection, IAlpacaTradingClient client, Order? replaying, CancellationToken cancellationToken)
    {
        if (await command.PrepareAsync(connection, client, cancellationToken) is { Count: > 0 } stopped)
        {
            return new OrderAssessment(stopped) { Connection = connection, Client = client };
        }

        var read = await ReadAsync(command, connection, client, cancellationToken);
        return read.Refused.Count > 0 ? read : await JudgeAsync(command, read, replaying, cancellationToken);
    }

    /// <summary>The asset and the market read from Alpaca, and the asset's verdicts on the order (refused when one failed).</summary>
    private async Task<OrderAssessment> ReadAsync(
        OrderCommand command, BoundConnection connection, IAlpacaTradingClient client, CancellationToken cancellationToken)
    {
        var ticket = command.Ticket();
        var (asset, context) = await market.ReadAsync(connection.Connection.ConnectionId, client, ticket.Symbol, cancellationToken);
        var closing = command.Kind == OrderCommandKind.Close;
        var checks = AssetRules.Evaluate(ticket, asset, guardrails.CurrentValue.AllowedAssetClasses, closing);
        return new OrderAssessment(checks.Where(v => v.Error is not null).Select(v => v.Error!).ToList())
        {
            Connection = connection,
            Client = client,
            Asset = asset,
            Context = context,
            AssetChecks = checks,
        };
    }

    /// <summary>
    /// The guardrails, against the usage of today without <paramref name="replaying"/>'s own reservation (a replay is
    /// checked as if it were new, and keeps the reservation it holds), on an order whose asset passed.
    /// </summary>
    private async Task<OrderAssessment> JudgeAsync(OrderCommand command, OrderAssessment read, Order? replaying, CancellationToken cancellationToken)
    {
        var ticket = command.Ticket();
        var asset = read.Asset!;
        var day = TradingDay.Of(time.GetUtcNow());
        var (count, micros) = await store.UsageAsync(command.UserId, day, cancellationToken);
        var (supersededCount, supersededValue) = command.Supersedes(day);
        if (replaying?.UsageDay == day)
        {
            count -= replaying.ReservedCount;
            micros -= replaying.ReservedNotionalMicros;
        }

        var context = read.Context! with { OrdersToday = count - supersededCount, NotionalToday = Reservation.ToDollars(micros) - supersededValue };
        var order = new GuardrailOrder(ticket.Symbol, ticket.Side, ticket.Type, ticket.TimeInForce, ticket.Qty, ticket.Notional, ticket.LimitPrice,
            ticket.StopPrice, read.Connection!.Environment)
        {
            Multiplier = asset.ValueMultiplier,
            TradesAroundTheClock = asset.Class == Trading.AssetClass.Crypto,
            Closing = command.Kind == OrderCommandKind.Close,
        };
        var verdicts = GuardrailPolicy.Evaluate(order, context, guardrails.CurrentValue);
        var refused = verdicts.Where(v => !v.Passed)
            .Select(v => (PayloadError)new GuardrailViolationError(v.Rule, v.Message, v.Limit, v.Actual)).ToList();
        var value = GuardrailPolicy.EstimatedNotional(order, context);
        return read with
        {
            Refused = refused,
            Context = context,
            Guardrails = verdicts,
            Value = value,
            Price = GuardrailPolicy.ValuationPrice(order, context),
            Estimate = refused.Count > 0 || order.Closing ? 0m : value ?? 0m,
        };
    }
}
