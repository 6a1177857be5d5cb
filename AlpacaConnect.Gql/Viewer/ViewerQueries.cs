using AlpacaConnect.Gql.GraphQL.Authorization;
using AlpacaConnect.Gql.GraphQL.Schema;
using AlpacaConnect.Gql.Identity;
using GraphQL.Types;

namespace AlpacaConnect.Gql.Viewer;

internal sealed class ViewerQueries : IQueryFields
{
    public void AddFieldsTo(ObjectGraphType root) =>
        root.Field<NonNullGraphType<ViewerType>>("me")
            .Description("The signed-in app user. Requires a bearer token.")
            .RequireAuthentication()
            .Resolve(context =>
            {
                var user = context.User!;
                var id = AppUser.IdOf(user)!;
                return new Viewer(id, user.Identity?.Name ?? id);
            });
}
