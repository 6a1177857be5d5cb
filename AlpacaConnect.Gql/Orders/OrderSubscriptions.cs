using AlpacaConnect.Gql.GraphQL.Authorization;
using AlpacaConnect.Gql.GraphQL.Errors;
using AlpacaConnect.Gql.GraphQL.Schema;
using AlpacaConnect.Gql.Identity;
using AlpacaConnect.Gql.Streaming;
using GraphQL;
using GraphQL.Types;

namespace AlpacaConnect.Gql.Orders;

internal sealed class OrderSubscriptions : ISubscriptionFields
{
    public void AddFieldsTo(ObjectGraphType root) =>
        root.Field<NonNullGraphType<OrderUpdateGraphType>, OrderUpdate>("orderUpdated")
            .Description("Each change of the caller's orders (of one order with `orderId`), in the order they were recorded and none twice: from Alpaca's trade_updates stream, with reconciliation over REST after every reconnect so none is missed. With `after` (the id of the last update the app received), the updates recorded since are replayed first from the server's log, then live ones follow without a gap: an app whose socket dropped resubscribes with it. An unknown id, and another user's, is a NOT_FOUND error.")
            .Argument<IdGraphType>("orderId")
            .Argument<IdGraphType>("after", "The `id` of the last OrderUpdate received (or `orderEvents`' `endCursor`; \"0\": the log's start): replay every update after it, then continue live.")
            .RequireAuthentication()
            .ResolveStreamAsync(async context =>
            {
                var userId = AppUser.IdOf(context.User)!;
                var services = context.RequestServices!;
                Guid? orderId = null;
                if (context.GetArgument<string?>("orderId") is { } raw)
                {
                    orderId = Guid.TryParse(raw, out var parsed)
                        && await services.GetRequiredService<OrderStore>().FindAsync(userId, parsed, context.CancellationToken) is not null
                        ? parsed
                        : throw new ApiException(ErrorCodes.NotFound, "No order with this id.");
                }

                var log = services.GetRequiredService<OrderLog>();
                var after = await OrderLogPosition.ResolveAsync(log, userId, context.GetArgument<string?>("after"), context.CancellationToken);
                // A subscriber keeps the account's stream open even without open orders.
                var demand = services.GetRequiredService<IStreamDemand>();
                return Events.SubscriptionSource.WhileSubscribed(log.Follow(userId, after, orderId), () => demand.Attach(userId))!;
            });
}
