using AlpacaConnect.Gql.Alpaca;
using AlpacaConnect.Gql.Alpaca.Models;
using AlpacaConnect.Gql.GraphQL.Authorization;
using AlpacaConnect.Gql.GraphQL.Errors;
using AlpacaConnect.Gql.GraphQL.Schema;
using AlpacaConnect.Gql.Trading.Reads;
using GraphQL;
using GraphQL.Types;
using GraphQL.Types.Relay.DataObjects;

namespace AlpacaConnect.Gql.Activities;

internal sealed class ActivityQueries : IQueryFields
{
    public const int MaxFirst = 50;

    public void AddFieldsTo(ObjectGraphType root) =>
        root.Field<NonNullGraphType<ActivityConnectionGraphType>>("activities")
            .Description("The account's activities from Alpaca, newest first: fills (of orders placed anywhere), dividends, cash movements, fees, splits. One Alpaca call per page.")
            .Argument<ListGraphType<NonNullGraphType<ActivityTypeGraphType>>>("types", "Only these types; all when null or empty.")
            .Argument<IntGraphType>("first", $"Page size, 1 to {MaxFirst}; default 20.")
            .Argument<StringGraphType>("after", "An edge's cursor or pageInfo.endCursor from an earlier page.")
            .RequireAuthentication()
            .ResolveAsync(async context =>
            {
                var first = context.GetArgument("first", 20);
                if (first is < 1 or > MaxFirst)
                {
                    throw new ApiException(ErrorCodes.BadUserInput, $"first must be between 1 and {MaxFirst}.");
                }

                var types = context.GetArgument<List<string>?>("types")?.Distinct().ToList();
                var token = context.GetArgument<string?>("after") is { } after ? ActivityCursor.Unwrap(after) : null;
                var connection = await context.RequestServices!.GetRequiredService<CallerConnection>().RequireAsync(context);
                // One more than asked tells whether there is a next page without a second call.
                var page = await context.RequestServices!.GetRequiredService<IAlpacaClientFactory>().AccountFor(connection)
                    .ListActivitiesAsync(types, first + 1, token, context.CancellationToken);
                return Page(page, first);
            });

    private static Connection<AlpacaActivity> Page(IReadOnlyList<AlpacaActivity> page, int first)
    {
        var edges = page.Take(first).Select(a => new Edge<AlpacaActivity> { Node = a, Cursor = ActivityCursor.Wrap(a.Id) }).ToList();
        return new Connection<AlpacaActivity>
        {
            Edges = edges,
            PageInfo = new PageInfo
            {
                HasNextPage = page.Count > first,
                HasPreviousPage = false,
                StartCursor = edges.FirstOrDefault()?.Cursor,
                EndCursor = edges.LastOrDefault()?.Cursor,
            },
        };
    }
}
