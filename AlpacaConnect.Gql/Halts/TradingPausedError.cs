using AlpacaConnect.Gql.GraphQL.Errors;
using GraphQL.Types;

namespace AlpacaConnect.Gql.Halts;

/// <summary>
/// The operators paused trading (<see cref="TradingHalt"/>) for everyone, this user or this account: nothing was sent.
/// The operator's reason is internal and not shown; the scope tells the app whom the pause concerns.
/// </summary>
internal sealed record TradingPausedError(HaltScope Scope, DateTimeOffset Since)
    : PayloadError(ErrorCodes.TradingPaused, "Trading is paused by the operators; nothing was sent. Reading and cancelling orders still work.");

internal sealed class TradingPausedErrorType : PayloadErrorGraphType<TradingPausedError>
{
    public TradingPausedErrorType()
        : base("TradingPausedError", "The operators paused trading (the kill switch): money-moving commands are refused; reads and cancels still work.")
    {
        Field<NonNullGraphType<TradingPauseScopeGraphType>>("scope").Description("Whom the pause concerns.").Resolve(c => c.Source.Scope);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("since").Description("When the pause began.").Resolve(c => c.Source.Since);
    }
}

internal sealed class TradingPauseScopeGraphType : EnumerationGraphType<HaltScope>
{
    public TradingPauseScopeGraphType()
    {
        Name = "TradingPauseScope";
        Description = "ALL: every user; USER: the caller; ACCOUNT: the caller's Alpaca account.";
    }
}
