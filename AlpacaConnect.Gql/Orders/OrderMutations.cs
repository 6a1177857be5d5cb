using AlpacaConnect.Gql.GraphQL.Authorization;
using AlpacaConnect.Gql.GraphQL.Schema;
using AlpacaConnect.Gql.Identity;
using GraphQL;
using GraphQL.Types;

namespace AlpacaConnect.Gql.Orders;

internal sealed class OrderMutations : IMutationFields
{
    public void AddFieldsTo(ObjectGraphType root)
    {
        root.AddOrderCommand<PlaceOrderPayloadType, PlaceOrderInputType, PlaceOrderInput, OrderPlacement, PlaceOrderPayload>(
            "placeOrder",
            "Places an order on the caller's Alpaca account. Retry with the same `idempotencyKey` after any failure or timeout: it never places a second order.",
            (placement, userId, input, cancellationToken) => placement.PlaceAsync(userId, input, cancellationToken),
            payload => payload.Errors);

        root.Field<NonNullGraphType<CancelOrderPayloadType>>("cancelOrder")
            .Description("Asks Alpaca to cancel one of the caller's open orders. The order reads PENDING_CANCEL until Alpaca reports CANCELED.")
            .Argument<NonNullGraphType<CancelOrderInputType>>("input")
            .RequireAuthentication()
            .ResolveAsync(async context =>
            {
                var input = context.GetArgument<CancelOrderInput>("input");
                return await context.RequestServices!.GetRequiredService<OrderCancellation>()
                    .CancelAsync(AppUser.IdOf(context.User)!, input.OrderId, context.CancellationToken);
            });

        root.AddOrderCommand<ReplaceOrderPayloadType, ReplaceOrderInputType, ReplaceOrderInput, OrderReplacement, ReplaceOrderPayload>(
            "replaceOrder",
            "Replaces one of the caller's open orders with a new one (new `id`, `replaces` = the old one). Retry with the same `idempotencyKey`: it never replaces twice. The old order may still fill first.",
            (replacement, userId, input, cancellationToken) => replacement.ReplaceAsync(userId, input, cancellationToken),
            payload => payload.Errors);

        root.AddOrderCommand<ClosePositionPayloadType, ClosePositionInputType, ClosePositionInput, PositionClosing, ClosePositionPayload>(
            "closePosition",
            "Closes all (`percentage: 100`) or part of a position with a market order. With an `idempotencyKey`, a retry returns the first attempt's order instead of closing again.",
            (closing, userId, input, cancellationToken) => closing.CloseAsync(userId, input, cancellationToken),
            payload => payload.Errors);
    }
}
