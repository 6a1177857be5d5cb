using AlpacaConnect.Gql.GraphQL.Authorization;
using AlpacaConnect.Gql.GraphQL.Schema;
using AlpacaConnect.Gql.Trading.Reads;
using GraphQL.Types;

namespace AlpacaConnect.Gql.Market;

internal sealed class MarketQueries : IQueryFields
{
    public void AddFieldsTo(ObjectGraphType root) =>
        root.Field<MarketClockType>("marketClock")
            .Description("Whether the market is open, and when it next opens and closes. Read through the caller's connection.")
            .RequireAuthentication()
            .ResolveAsync(async context =>
            {
                var connection = await context.RequestServices!.GetRequiredService<CallerConnection>().RequireAsync(context);
                return context.RequestServices!.GetRequiredService<MarketClockLoader>().Load(connection);
            });
}
