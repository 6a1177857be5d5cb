using System.Globalization;
using AlpacaConnect.Gql.GraphQL.Authorization;
using AlpacaConnect.Gql.GraphQL.Errors;
using AlpacaConnect.Gql.GraphQL.Schema;
using AlpacaConnect.Gql.Identity;
using GraphQL;
using GraphQL.Types;

namespace AlpacaConnect.Gql.Orders;

/// <summary><c>orderEvents</c>: the caller's order log over HTTP, for an app coming back from the background.</summary>
internal sealed class OrderLogQueries : IQueryFields
{
    private const int DefaultFirst = 50;

    public void AddFieldsTo(ObjectGraphType root) =>
        root.Field<NonNullGraphType<OrderUpdatePageGraphType>, OrderUpdatePage>("orderEvents")
            .Description("The caller's order updates after `after` (the id of the last OrderUpdate the app received; none or \"0\": from the first), oldest first: the same updates, ids and order as `orderUpdated`. Page with `endCursor` while `hasNextPage`, then subscribe with `orderUpdated(after: endCursor)`: nothing logged in between is missed.")
            .Argument<IdGraphType>("after")
            .Argument<IntGraphType>("first", $"At most this many (1 to {OrderLog.PageSize}; default {DefaultFirst}).")
            .RequireAuthentication()
            .ResolveAsync(async context =>
            {
                var first = context.GetArgument<int?>("first") ?? DefaultFirst;
                if (first is < 1 or > OrderLog.PageSize)
                {
                    throw new ApiException(ErrorCodes.BadUserInput, $"`first` must be between 1 and {OrderLog.PageSize}.");
                }

                var userId = AppUser.IdOf(context.User)!;
                var log = context.RequestServices!.GetRequiredService<OrderLog>();
                var sent = context.GetArgument<string?>("after");
                var after = await OrderLogPosition.ResolveAsync(log, userId, sent, context.CancellationToken) ?? 0;
                // One more than asked tells whether another page follows.
                var updates = await log.AfterAsync(userId, after, orderId: null, first + 1, context.CancellationToken);
                var page = updates.Take(first).ToList();
                return new OrderUpdatePage(page, updates.Count > first, sent ?? OrderLogPosition.Start);
            });
}

/// <summary>A page of the caller's order log read after <paramref name="After"/>.</summary>
internal sealed record OrderUpdatePage(IReadOnlyList<OrderUpdate> Updates, bool HasNextPage, string After)
{
    /// <summary>The last update's id; for an empty page the position it was read after, so it is never null.</summary>
    public string EndCursor => Updates.Count == 0 ? After : Updates[^1].Event.Id.ToString(CultureInfo.InvariantCulture);
}

internal sealed class OrderUpdatePageGraphType : ObjectGraphType<OrderUpdatePage>
{
    public OrderUpdatePageGraphType()
    {
        Name = "OrderUpdatePage";
        Description = "A page of the caller's order updates, oldest first.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OrderUpdateGraphType>>>>("updates").Resolve(c => c.Source.Updates);
        Field<NonNullGraphType<BooleanGraphType>>("hasNextPage").Description("More updates follow this page.").Resolve(c => c.Source.HasNextPage);
        Field<NonNullGraphType<IdGraphType>>("endCursor")
            .Description("The id of this page's last update: pass it as `after` (here or to `orderUpdated`). For an empty page the `after` sent, or \"0\" (the log's start) when none was: never null, so subscribing with it leaves no gap.")
            .Resolve(c => c.Source.EndCursor);
    }
}
