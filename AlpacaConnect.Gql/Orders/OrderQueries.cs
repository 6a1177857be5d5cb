using AlpacaConnect.Gql.GraphQL.Authorization;
using AlpacaConnect.Gql.GraphQL.Errors;
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
            .Description("One of the caller's orders, synced from Alpaca when stale. An unknown id, and another user's, is null with a NOT_FOUND error: the two cannot be told apart.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .RequireAuthentication()
            .ResolveAsync(async context =>
            {
                var userId = AppUser.IdOf(context.User)!;
                var order = Guid.TryParse(context.GetArgument<string>("id"), out var id)
                    ? await FindAsync(context.RequestServices!, userId, id, context.CancellationToken)
                    : null;
                return order ?? throw new ApiException(ErrorCodes.NotFound, "No order with this id.");
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

    private static async Task<Order?> FindAsync(IServiceProvider services, string userId, Guid id, CancellationToken cancellationToken)
    {
        await services.GetRequiredService<OrderHistorySync>().RefreshAsync(userId, cancellationToken);
        return await services.GetRequiredService<OrderStore>().FindAsync(userId, id, cancellationToken);
    }
}
