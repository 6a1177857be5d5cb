using AlpacaConnect.Gql.GraphQL.Authorization;
using AlpacaConnect.Gql.GraphQL.Errors;
using AlpacaConnect.Gql.GraphQL.Schema;
using AlpacaConnect.Gql.Identity;
using AlpacaConnect.Gql.Observability;
using GraphQL;
using GraphQL.Types;

namespace AlpacaConnect.Gql.Orders;

internal sealed class OrderMutations : IMutationFields
{
    public void AddFieldsTo(ObjectGraphType root)
    {
        root.Field<NonNullGraphType<PlaceOrderPayloadType>>("placeOrder")
            .Description("Places an order on the caller's Alpaca account. Retry with the same `idempotencyKey` after any failure or timeout: it never places a second order.")
            .Argument<NonNullGraphType<PlaceOrderInputType>>("input")
            .RequireAuthentication()
            .ResolveAsync(async context =>
            {
                var input = context.GetArgument<PlaceOrderInput>("input");
                var payload = await context.RequestServices!.GetRequiredService<OrderPlacement>()
                    .PlaceAsync(AppUser.IdOf(context.User)!, input, context.CancellationToken);
                context.RequestServices!.GetRequiredService<AppMetrics>().OrderRequest("placeOrder", FirstCode(payload.Errors));
                return payload;
            });

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

        root.Field<NonNullGraphType<ReplaceOrderPayloadType>>("replaceOrder")
            .Description("Replaces one of the caller's open orders with a new one (new `id`, `replaces` = the old one). Retry with the same `idempotencyKey`: it never replaces twice. The old order may still fill first.")
            .Argument<NonNullGraphType<ReplaceOrderInputType>>("input")
            .RequireAuthentication()
            .ResolveAsync(async context =>
            {
                var input = context.GetArgument<ReplaceOrderInput>("input");
                var payload = await context.RequestServices!.GetRequiredService<OrderReplacement>()
                    .ReplaceAsync(AppUser.IdOf(context.User)!, input, context.CancellationToken);
                context.RequestServices!.GetRequiredService<AppMetrics>().OrderRequest("replaceOrder", FirstCode(payload.Errors));
                return payload;
            });

        root.Field<NonNullGraphType<ClosePositionPayloadType>>("closePosition")
            .Description("Closes all (`percentage: 100`) or part of a position with a market order. With an `idempotencyKey`, a retry returns the first attempt's order instead of closing again.")
            .Argument<NonNullGraphType<ClosePositionInputType>>("input")
            .RequireAuthentication()
            .ResolveAsync(async context =>
            {
                var input = context.GetArgument<ClosePositionInput>("input");
                var payload = await context.RequestServices!.GetRequiredService<PositionClosing>()
                    .CloseAsync(AppUser.IdOf(context.User)!, input, context.CancellationToken);
                context.RequestServices!.GetRequiredService<AppMetrics>().OrderRequest("closePosition", FirstCode(payload.Errors));
                return payload;
            });
    }
    /// <summary>The metric's failure code: the first error of the payload, or none when it succeeded.</summary>
    private static string? FirstCode(IReadOnlyList<PayloadError> errors) => errors.Count == 0 ? null : errors[0].Code;
}
