using AlpacaConnect.Gql.GraphQL.Authorization;
using AlpacaConnect.Gql.GraphQL.Schema;
using AlpacaConnect.Gql.Identity;
using GraphQL.Types;

namespace AlpacaConnect.Gql.Connections;

internal sealed class ConnectionQueries : IQueryFields
{
    public void AddFieldsTo(ObjectGraphType root) =>
        root.Field<NonNullGraphType<AlpacaConnectionType>>("alpacaConnection")
            .Description("The caller's Alpaca connection (status NOT_CONNECTED when there is none).")
            .RequireAuthentication()
            .ResolveAsync(async context => await context.RequestServices!.GetRequiredService<ConnectionDirectory>()
                .GetAsync(AppUser.IdOf(context.User)!, context.CancellationToken));
}
