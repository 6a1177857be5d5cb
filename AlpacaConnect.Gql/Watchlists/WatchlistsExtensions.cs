using AlpacaConnect.Gql.GraphQL.Schema;

namespace AlpacaConnect.Gql.Watchlists;

internal static class WatchlistsExtensions
{
    /// <summary>The <c>watchlists</c> and <c>watchlist(id)</c> queries and the five watchlist mutations (need <c>AddTradingReads()</c>).</summary>
    public static WebApplicationBuilder AddWatchlists(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<WatchlistWrites>();
        builder.Services.AddQueryFields<WatchlistQueries>();
        builder.Services.AddMutationFields<WatchlistMutations>();
        return builder;
    }
}
