using AlpacaConnect.Gql.Connections;
using AlpacaConnect.Gql.GraphQL.Errors;
using GraphQL.Types;

namespace AlpacaConnect.Gql.Watchlists;

internal sealed class ScopeMissingErrorType : PayloadErrorGraphType<ScopeMissingError>
{
    public ScopeMissingErrorType()
        : base("ScopeMissingError", "The connection lacks an Alpaca scope the operation needs; the user must connect again and approve it.")
    {
        Field(e => e.Scope).Description("The missing scope, e.g. account:write.");
    }
}

internal sealed class WatchlistNotFoundErrorType : PayloadErrorGraphType<WatchlistNotFoundError>
{
    public WatchlistNotFoundErrorType()
        : base("WatchlistNotFoundError", "No watchlist of the caller's has this id.")
    {
        Field<NonNullGraphType<IdGraphType>>("watchlistId").Resolve(c => c.Source.WatchlistId);
    }
}

internal sealed class WatchlistInputErrorType : PayloadErrorGraphType<WatchlistInputError>
{
    public WatchlistInputErrorType()
        : base("WatchlistInputError", "An input was refused: a bad name or symbol, or a symbol Alpaca does not know.")
    {
        Field(e => e.Field, nullable: true).Description("The input field, when one is to blame.");
    }
}

internal sealed class WatchlistNameTakenErrorType : PayloadErrorGraphType<WatchlistNameTakenError>
{
    public WatchlistNameTakenErrorType()
        : base("WatchlistNameTakenError", "Watchlist names are unique per account.")
    {
        Field(e => e.Name);
    }
}

internal sealed class WatchlistRateLimitedErrorType : PayloadErrorGraphType<WatchlistRateLimitedError>
{
    public WatchlistRateLimitedErrorType()
        : base("WatchlistRateLimitedError", "Alpaca's call budget for the account is spent; nothing changed.")
    {
        Field(e => e.RetryAfter, nullable: true).Description("Seconds to wait before trying again, when known.");
    }
}

internal sealed class WatchlistErrorType : UnionGraphType
{
    public WatchlistErrorType()
    {
        Name = "WatchlistError";
        Type<NotConnectedErrorType>();
        Type<ReauthRequiredErrorType>();
        Type<ScopeMissingErrorType>();
        Type<WatchlistNotFoundErrorType>();
        Type<WatchlistInputErrorType>();
        Type<WatchlistNameTakenErrorType>();
        Type<WatchlistRateLimitedErrorType>();
    }
}
