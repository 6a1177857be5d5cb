using AlpacaConnect.Gql.Events;
using AlpacaConnect.Gql.GraphQL.Authorization;
using AlpacaConnect.Gql.GraphQL.Schema;
using AlpacaConnect.Gql.Identity;
using GraphQL.Types;

namespace AlpacaConnect.Gql.Connections;

internal sealed class ConnectionSubscriptions : ISubscriptionFields
{
    public void AddFieldsTo(ObjectGraphType root) =>
        root.Field<NonNullGraphType<AlpacaConnectionType>, AlpacaConnectionView>("alpacaConnectionChanged")
            .Description("The caller's connection each time it changes: linked, needing reauthorization, disconnected.")
            .RequireAuthentication()
            .ResolveStream(context =>
            {
                var userId = AppUser.IdOf(context.User)!;
                var services = context.RequestServices!;
                var directory = services.GetRequiredService<ConnectionDirectory>();
                return SubscriptionSource.Project(
                    services.GetRequiredService<IEventBus>().Events<AlpacaConnectionChanged>(),
                    e => e.UserId == userId,
                    (_, cancellationToken) => directory.GetAsync(userId, cancellationToken));
            });
}
