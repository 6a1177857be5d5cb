using AlpacaConnect.Gql.GraphQL.Authorization;
using AlpacaConnect.Gql.GraphQL.Errors;
using AlpacaConnect.Gql.GraphQL.Schema;
using AlpacaConnect.Gql.Identity;
using AlpacaConnect.Gql.Observability;
using GraphQL;
using GraphQL.Types;

namespace AlpacaConnect.Gql.Orders.Batches;

internal sealed class BatchMutations : IMutationFields
{
    public void AddFieldsTo(ObjectGraphType root)
    {
        root.Field<NonNullGraphType<CancelAllOrdersPayloadType>>("cancelAllOrders")
            .Description("Asks Alpaca to cancel every open order of the connected account, one result per order. Retry with the same `idempotencyKey`: it answers for the same orders and asks no accepted cancel again.")
            .Argument<NonNullGraphType<CancelAllOrdersInputType>>("input")
            .RequireAuthentication()
            .ResolveAsync(async context =>
            {
                var input = context.GetArgument<CancelAllOrdersInput>("input");
                var payload = await context.RequestServices!.GetRequiredService<AllOrdersCancellation>()
                    .CancelAllAsync(AppUser.IdOf(context.User)!, input.IdempotencyKey, context.CancellationToken);
                context.RequestServices!.GetRequiredService<AppMetrics>().OrderRequest("cancelAllOrders", FirstCode(payload.Errors));
                return payload;
            });

        root.Field<NonNullGraphType<CloseAllPositionsPayloadType>>("closeAllPositions")
            .Description("Closes every position of the connected account with a market order each, one result per position. Each close is a `closePosition` (same checks, same kill switch). Retry with the same `idempotencyKey`: it answers for the same positions and closes none twice.")
            .Argument<NonNullGraphType<CloseAllPositionsInputType>>("input")
            .RequireAuthentication()
            .ResolveAsync(async context =>
            {
                var input = context.GetArgument<CloseAllPositionsInput>("input");
                var payload = await context.RequestServices!.GetRequiredService<AllPositionsClosing>()
                    .CloseAllAsync(AppUser.IdOf(context.User)!, input, context.CancellationToken);
                context.RequestServices!.GetRequiredService<AppMetrics>().OrderRequest("closeAllPositions", FirstCode(payload.Errors));
                return payload;
            });
    }

    private static string? FirstCode(IReadOnlyList<PayloadError> errors) => errors.Count == 0 ? null : errors[0].Code;
}
