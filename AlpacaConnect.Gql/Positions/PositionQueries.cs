using AlpacaConnect.Gql.Alpaca.Models;
using AlpacaConnect.Gql.Connections;
using AlpacaConnect.Gql.GraphQL.Authorization;
using AlpacaConnect.Gql.GraphQL.DataLoading;
using AlpacaConnect.Gql.GraphQL.Schema;
using AlpacaConnect.Gql.Trading.Reads;
using GraphQL;
using GraphQL.Types;

namespace AlpacaConnect.Gql.Positions;

internal sealed class PositionQueries : IQueryFields
{
    public void AddFieldsTo(ObjectGraphType root)
    {
        root.Field<NonNullGraphType<ListGraphType<NonNullGraphType<PositionType>>>>("positions")
            .Description("The caller's open positions. Errors NOT_CONNECTED or REAUTH_REQUIRED when there is no usable connection.")
            .RequireAuthentication()
            .ResolveAsync(async context =>
            {
                var bound = await context.RequestServices!.GetRequiredService<CallerConnection>().RequireBoundAsync(context);
                return context.RequestServices!.GetRequiredService<PositionsLoader>().Load(bound.Connection)
                    .Then(positions => positions.Select(p => Held(p, bound)).ToList());
            });

        root.Field<PositionType>("position")
            .Description("The caller's open position in one symbol, or null when none is held.")
            .Argument<NonNullGraphType<StringGraphType>>("symbol", "e.g. AAPL, or BTC/USD for crypto.")
            .RequireAuthentication()
            .ResolveAsync(async context =>
            {
                var symbol = context.GetArgument<string>("symbol");
                var bound = await context.RequestServices!.GetRequiredService<CallerConnection>().RequireBoundAsync(context);
                return context.RequestServices!.GetRequiredService<PositionsLoader>().Load(bound.Connection)
                    .Then(positions => positions.FirstOrDefault(p => PositionSymbol.Matches(p.Symbol, symbol)) is { } held ? Held(held, bound) : null);
            });
    }

    // A connection made before account ids were stored has none: its own id still tells one user's positions apart.
    private static HeldPosition Held(AlpacaPosition position, BoundConnection bound) =>
        new(position, bound.AccountId ?? bound.Connection.ConnectionId.ToString("N"));
}
