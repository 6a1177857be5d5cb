using AlpacaConnect.Gql.GraphQL.Schema;

namespace AlpacaConnect.Gql.Positions;

internal static class PositionsExtensions
{
    /// <summary>The <c>positions</c> and <c>position(symbol)</c> queries (need <c>AddTradingReads()</c>).</summary>
    public static WebApplicationBuilder AddPositions(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<PositionsLoader>();
        builder.Services.AddQueryFields<PositionQueries>();
        return builder;
    }
}
