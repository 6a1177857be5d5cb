using AlpacaConnect.Gql.GraphQL.Authorization;
using AlpacaConnect.Gql.GraphQL.Schema;
using AlpacaConnect.Gql.Identity;
using AlpacaConnect.Gql.Trading;
using GraphQL;
using GraphQL.Types;

namespace AlpacaConnect.Gql.Orders;

internal sealed class OrderQueries : IQueryFields
{
    public void AddFieldsTo(ObjectGraphType root)
    {
        root.Field<OrderGraphType>("order")
            .Description("One of the caller's orders, synced from Alpaca when stale; null when there is none with this id (including other users' ids).")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .RequireAuthentication()
            .ResolveAsync(async context =>
            {
                if (!Guid.TryParse(context.GetArgument<string>("id"), out var id))
                {
                    return null;
                }

                var userId = AppUser.IdOf(context.User)!;
                await context.RequestServices!.GetRequiredService<OrderHistorySync>().RefreshAsync(userId, context.CancellationToken);
                return await context.RequestServices!.GetRequiredService<OrderStore>().FindAsync(userId, id, context.CancellationToken);
            });

        root.Field<NonNullGraphType<OrderConnectionGraphType>>("orders")
            .Description($"The caller's orders placed through this server, newest first, synced from Alpaca when stale. Pages hold `first` orders (default {OrderListQuery.DefaultPageSize}, at most {OrderListQuery.MaxPageSize}); continue with `after` = `pageInfo.endCursor`.")
            .Argument<IntGraphType>("first")
            .Argument<StringGraphType>("after")
            .Argument<NonNullGraphType<OrderStatusFilterGraphType>>("status", a => a.DefaultValue = OrderStatusFilter.Open)
            .Argument<ListGraphType<NonNullGraphType<StringGraphType>>>("symbols", "Only these symbols (any case).")
            .Argument<OrderSideGraphType>("side")
            .Argument<DateTimeOffsetGraphType>("submittedAfter", "Only orders submitted after this instant (exclusive); an order Alpaca never confirmed counts from when it was saved.")
            .Argument<DateTimeOffsetGraphType>("submittedBefore", "Only orders submitted before this instant (exclusive).")
            .RequireAuthentication()
            .ResolveAsync(async context =>
            {
                var userId = AppUser.IdOf(context.User)!;
                var query = OrderListQuery.From(
                    userId,
                    context.GetArgument<int?>("first"),
                    context.GetArgument<string?>("after"),
                    context.GetArgument<OrderStatusFilter>("status"),
                    context.GetArgument<List<string>?>("symbols"),
                    context.GetArgument<OrderSide?>("side"),
                    context.GetArgument<DateTimeOffset?>("submittedAfter"),
                    context.GetArgument<DateTimeOffset?>("submittedBefore"));
                await context.RequestServices!.GetRequiredService<OrderHistorySync>().RefreshAsync(userId, context.CancellationToken);
                return await context.RequestServices!.GetRequiredService<OrderList>().PageAsync(userId, query, context.CancellationToken);
            });
    }
}
