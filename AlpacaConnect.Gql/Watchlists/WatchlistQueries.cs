using AlpacaConnect.Gql.Alpaca;
using AlpacaConnect.Gql.GraphQL.Authorization;
using AlpacaConnect.Gql.GraphQL.Schema;
using AlpacaConnect.Gql.Trading.Reads;
using GraphQL;
using GraphQL.Types;

namespace AlpacaConnect.Gql.Watchlists;

internal sealed class WatchlistQueries : IQueryFields
{
    public void AddFieldsTo(ObjectGraphType root)
    {
        root.Field<NonNullGraphType<ListGraphType<NonNullGraphType<WatchlistGraphType>>>>("watchlists")
            .Description("The account's watchlists at Alpaca, oldest first. Reading needs no scope.")
            .RequireAuthentication()
            .ResolveAsync(async context =>
            {
                var connection = await context.RequestServices!.GetRequiredService<CallerConnection>().RequireAsync(context);
                var lists = await context.RequestServices!.GetRequiredService<IAlpacaClientFactory>().AccountFor(connection)
                    .ListWatchlistsAsync(context.CancellationToken);
                return lists.Select(l => new Watchlist(l, connection)).ToList();
            });

        root.Field<WatchlistGraphType>("watchlist")
            .Description("One of the account's watchlists with its assets; null when there is none with this id.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .RequireAuthentication()
            .ResolveAsync(async context =>
            {
                if (!Guid.TryParse(context.GetArgument<string>("id"), out var id))
                {
                    return null; // no watchlist has an id of another shape
                }

                var connection = await context.RequestServices!.GetRequiredService<CallerConnection>().RequireAsync(context);
                try
                {
                    var list = await context.RequestServices!.GetRequiredService<IAlpacaClientFactory>().AccountFor(connection)
                        .GetWatchlistAsync(id, context.CancellationToken);
                    return new Watchlist(list, connection);
                }
                catch (AlpacaApiException e) when (e.Kind == AlpacaErrorKind.NotFound)
                {
                    return null;
                }
            });
    }
}
