using AlpacaConnect.Gql.Alpaca;
using AlpacaConnect.Gql.GraphQL.Authorization;
using AlpacaConnect.Gql.GraphQL.Schema;
using AlpacaConnect.Gql.Trading.Reads;
using GraphQL;
using GraphQL.Types;

namespace AlpacaConnect.Gql.Portfolio;

internal sealed class PortfolioQueries : IQueryFields
{
    /// <summary>
    /// A chart polled every second by an open screen would spend the account's budget; Alpaca adds a point per
    /// timeframe at most, so a few seconds' reuse per connection and arguments loses nothing a user can see.
    /// </summary>
    private static readonly TimeSpan HistoryReuse = TimeSpan.FromSeconds(5);

    public void AddFieldsTo(ObjectGraphType root)
    {
        root.Field<NonNullGraphType<PortfolioHistoryGraphType>>("portfolioHistory")
            .Description("The caller's equity chart from Alpaca. BAD_USER_INPUT for a period or timeframe Alpaca would refuse; NOT_CONNECTED, REAUTH_REQUIRED, RATE_LIMITED as for `account`.")
            .Argument<StringGraphType>("period", "How far back: a number and D, W, M or A (years), e.g. 1D, 1W, 3M, 1A. Default 1M.")
            .Argument<PortfolioTimeframeGraphType>("timeframe", "Spacing of the points; default by period (under 7 days ONE_MINUTE, under 30 FIFTEEN_MINUTES, else ONE_DAY).")
            .RequireAuthentication()
            .ResolveAsync(async context =>
            {
                var (period, timeframe) = PortfolioRequests.History(context.GetArgument<string?>("period"), context.GetArgument<PortfolioTimeframe?>("timeframe"));
                var connection = await context.RequestServices!.GetRequiredService<CallerConnection>().RequireAsync(context);
                var client = context.RequestServices!.GetRequiredService<IAlpacaClientFactory>().AccountFor(connection);
                var wire = PortfolioTimeframes.Wire(timeframe);
                return await context.RequestServices!.GetRequiredService<ConnectionReadCache>().GetOrLoadAsync(
                    connection.ConnectionId, $"portfolio-history:{period}:{wire}", HistoryReuse,
                    () => client.GetPortfolioHistoryAsync(period, wire, null), context.CancellationToken);
            });

        root.Field<NonNullGraphType<ListGraphType<NonNullGraphType<MarketDayGraphType>>>>("marketCalendar")
            .Description("The market's trading days from start to end (inclusive, at most 366 days), with open and close times; days without trading are absent.")
            .Argument<NonNullGraphType<StringGraphType>>("start", "YYYY-MM-DD.")
            .Argument<NonNullGraphType<StringGraphType>>("end", "YYYY-MM-DD.")
            .RequireAuthentication()
            .ResolveAsync(async context =>
            {
                var (start, end) = PortfolioRequests.Calendar(context.GetArgument<string>("start"), context.GetArgument<string>("end"));
                var connection = await context.RequestServices!.GetRequiredService<CallerConnection>().RequireAsync(context);
                return await context.RequestServices!.GetRequiredService<IAlpacaClientFactory>().AccountFor(connection)
                    .GetCalendarAsync(start, end, context.CancellationToken);
            });
    }
}
