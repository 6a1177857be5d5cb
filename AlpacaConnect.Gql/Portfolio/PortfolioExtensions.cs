using AlpacaConnect.Gql.GraphQL.Schema;

namespace AlpacaConnect.Gql.Portfolio;

internal static class PortfolioExtensions
{
    /// <summary>The <c>portfolioHistory</c> and <c>marketCalendar</c> queries (need <c>AddTradingReads()</c>).</summary>
    public static WebApplicationBuilder AddPortfolio(this WebApplicationBuilder builder)
    {
        builder.Services.AddQueryFields<PortfolioQueries>();
        return builder;
    }
}
