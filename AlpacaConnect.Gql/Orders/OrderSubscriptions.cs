using AlpacaConnect.Gql.Events;
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
            .Description("Each change of the caller's orders (of one order with `orderId`), from Alpaca's trade_updates stream, with reconciliation over REST after every reconnect so none is missed. An unknown id, and another user's, is a NOT_FOUND error.")
            .Argument<IdGraphType>("orderId")
            .RequireAuthentication()
            .ResolveStreamAsync(async context =>
            {
                var userId = AppUser.IdOf(context.User)!;
                var services = context.RequestServices!;
                var store = services.GetRequiredService<OrderStore>();
                Guid? orderId = null;
                if (context.GetArgument<string?>("orderId") is { } raw)
                {
                    orderId = Guid.TryParse(raw, out var parsed) && await store.FindAsync(userId, parsed, context.CancellationToken) is not null
                        ? parsed
                        : throw new ApiException(ErrorCodes.NotFound, "No order with this id.");
                }

                var updates = SubscriptionSource.Project(
                    services.GetRequiredService<IEventBus>().Events<OrderChanged>(),
                    e => e.UserId == userId && (orderId is null || e.OrderId == orderId),
                    async (e, cancellationToken) => await store.FindEventAsync(userId, e.OrderId, e.EventId, cancellationToken) is { } found
                        ? new OrderUpdate(found.Event, found.Order)
                        : null);
                // A subscriber keeps the account's stream open even without open orders.
                var demand = services.GetRequiredService<IStreamDemand>();
                return SubscriptionSource.WhileSubscribed(updates, () => demand.Attach(userId))!;
            });
}
