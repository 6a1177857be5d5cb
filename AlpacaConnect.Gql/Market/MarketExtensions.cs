using AlpacaConnect.Gql.GraphQL.Schema;

namespace AlpacaConnect.Gql.Market;

internal static class MarketExtensions
{
    /// <summary>The <c>marketClock</c> query (needs <c>AddTradingReads()</c>).</summary>
    public static WebApplicationBuilder AddMarket(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<MarketClockLoader>();
        builder.Services.AddQueryFields<MarketQueries>();
        return builder;
    }
}
