using AlpacaConnect.Gql.GraphQL.Authorization;
using AlpacaConnect.Gql.GraphQL.Schema;
using AlpacaConnect.Gql.Identity;
using GraphQL;
using GraphQL.Types;

namespace AlpacaConnect.Gql.Orders;

internal sealed class OrderQueries : IQueryFields
{
    public void AddFieldsTo(ObjectGraphType root) =>
        root.Field<OrderGraphType>("order")
            .Description("One of the caller's orders, as last recorded; null when there is none with this id (including other users' ids).")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .RequireAuthentication()
            .ResolveAsync(async context => Guid.TryParse(context.GetArgument<string>("id"), out var id)
                ? await context.RequestServices!.GetRequiredService<OrderStore>().FindAsync(AppUser.IdOf(context.User)!, id, context.CancellationToken)
                : null);
}
