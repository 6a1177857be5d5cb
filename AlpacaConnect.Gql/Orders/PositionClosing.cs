using AlpacaConnect.Gql.Alpaca;
using AlpacaConnect.Gql.Alpaca.Models;
using AlpacaConnect.Gql.Connections;
using AlpacaConnect.Gql.GraphQL.Errors;
using AlpacaConnect.Gql.Orders.Pipeline;
using AlpacaConnect.Gql.Trading;

namespace AlpacaConnect.Gql.Orders;

/// <summary>
/// <c>closePosition</c>: the position is read (404 → POSITION_NOT_FOUND, nothing saved), then <see cref="OrderPipeline"/>
/// with <c>DELETE /v2/positions/{symbol}</c>, which answers with the closing market order. Alpaca takes no client order
/// id on this call, so an ambiguous failure cannot be looked up: the row is kept as UNKNOWN, never sent again for its
/// key, and the reconciliation matches Alpaca's closing order to it, or it expires (decision 0015).
/// </summary>
internal sealed class PositionClosing(OrderPipeline pipeline)
{
    /// <summary>Closes as <paramref name="input"/> says; with <paramref name="boundTo"/>, only at that account (a batch's).</summary>
    public async Task<ClosePositionPayload> CloseAsync(
        string userId, ClosePositionInput input, CancellationToken cancellationToken, (string? AccountId, AlpacaEnvironment Environment)? boundTo = null)
    {
        if (ClosePositionRules.Check(input) is { Count: > 0 } invalid)
        {
            return ClosePositionPayload.Failed(invalid);
        }

        var command = new CloseCommand(input)
        {
            UserId = userId,
            IdempotencyKey = input.IdempotencyKey,
            Fingerprint = RequestFingerprint.Of(input),
            BoundTo = boundTo,
        };
        var (order, errors) = await pipeline.RunAsync(command, cancellationToken);
        return new ClosePositionPayload(order, errors);
    }

    private sealed class CloseCommand(ClosePositionInput input) : OrderCommand
    {
        private AlpacaPosition? _position;

        public override OrderCommandKind Kind => OrderCommandKind.Close;

        public override string UnknownGuidance => OrderStateUnknownError.CheckBeforeClosingAgain;

        public override bool CanLookUp => false;

        public override async Task<IReadOnlyList<PayloadError>> PrepareAsync(
            BoundConnection connection, IAlpacaTradingClient client, CancellationToken cancellationToken)
        {
            _position = await client.GetPositionAsync(input.NormalizedSymbol, cancellationToken);
            return [];
        }

        /// <summary>Counted as an order for the daily count, not against the daily value: closing reduces exposure.</summary>
        public override OrderTicket Ticket() => new(Position.Symbol, SideOf(Position), OrderType.Market, TimeInForce.Day, Quantity, null, null, null);

        /// <summary>The side and quantity are the expected ones until Alpaca answers with its own.</summary>
        public override Order NewIntent() => new()
        {
            UserId = UserId,
            IdempotencyKey = IdempotencyKey,
            RequestFingerprint = Fingerprint,
            ClientOrderId = ClientOrderIds.Derive(UserId, IdempotencyKey),
            Symbol = Position.Symbol,
            Side = SideOf(Position),
            Type = OrderType.Market,
            TimeInForce = TimeInForce.Day,
            OrderClass = OrderClass.Simple,
            Qty = Quantity,
        };

        public override async Task<SubmissionOutcome> SendAsync(IAlpacaTradingClient client, Order intent)
        {
            try
            {
                return new SubmissionOutcome.Placed(await client.ClosePositionAsync(intent.Symbol, input.Qty, input.Percentage, CancellationToken.None), "closed");
            }
            catch (AlpacaApiException e) when (e.IsAmbiguous)
            {
                return new SubmissionOutcome.Unknown(e);
            }
            catch (AlpacaApiException e) when (e.Kind == AlpacaErrorKind.Rejected)
            {
                return new SubmissionOutcome.Refused(e);
            }
            catch (AlpacaApiException e)
            {
                // Not ambiguous and not a refusal (404: closed meanwhile; 429, 401, refused before sending): nothing was created.
                return new SubmissionOutcome.NotSent(e);
            }
        }

        public override Task<Order> RecordAsync(OrderStore store, Order intent, SubmissionOutcome.Placed placed) =>
            store.ApplyClosingAsync(intent.Id, placed.Order, placed.Source, CancellationToken.None);

        public override PayloadError? Describe(AlpacaApiException error) =>
            error.Kind == AlpacaErrorKind.NotFound ? new PositionNotFoundError(input.NormalizedSymbol) : base.Describe(error);

        private AlpacaPosition Position => _position ?? throw new InvalidOperationException("The position is read before the close is checked.");

        private decimal Quantity => input.Qty ?? decimal.Round(Math.Abs(Position.Qty) * input.Percentage!.Value / 100m, 9);

        private static OrderSide SideOf(AlpacaPosition position) => position.Side == AlpacaPositionSide.Short ? OrderSide.Buy : OrderSide.Sell;
    }
}
