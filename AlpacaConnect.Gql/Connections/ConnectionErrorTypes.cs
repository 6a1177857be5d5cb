using AlpacaConnect.Gql.GraphQL.Errors;
using AlpacaConnect.Gql.Rollout;
using GraphQL.Types;

namespace AlpacaConnect.Gql.Connections;

internal sealed class ReturnToNotAllowedErrorType : PayloadErrorGraphType<ReturnToNotAllowedError>
{
    public ReturnToNotAllowedErrorType()
        : base("ReturnToNotAllowedError", "`returnTo` is not on the allow-list.")
    {
        Field(e => e.ReturnTo).Description("The refused value, as sent.");
    }
}

internal sealed class LiveTradingNotAllowedErrorType()
    : PayloadErrorGraphType<LiveTradingNotAllowedError>("LiveTradingNotAllowedError", "LIVE accounts cannot be connected on this server.");

internal sealed class TooManyPendingConnectsErrorType : PayloadErrorGraphType<TooManyPendingConnectsError>
{
    public TooManyPendingConnectsErrorType()
        : base("TooManyPendingConnectsError", "The user has as many unfinished connect flows as the server allows.")
    {
        Field(e => e.Limit).Description("Unfinished flows one user may hold.");
    }
}

internal sealed class InvalidCompletionCodeErrorType()
    : PayloadErrorGraphType<InvalidCompletionCodeError>("InvalidCompletionCodeError", "The completion code cannot be used.");

internal sealed class AccountAlreadyLinkedErrorType()
    : PayloadErrorGraphType<AccountAlreadyLinkedError>("AccountAlreadyLinkedError", "The Alpaca account is linked to another user.");

internal sealed class NotConnectedErrorType()
    : PayloadErrorGraphType<NotConnectedError>("NotConnectedError", "No Alpaca account is connected.");

internal sealed class ReauthRequiredErrorType()
    : PayloadErrorGraphType<ReauthRequiredError>("ReauthRequiredError", "Alpaca refuses the stored connection; the user must connect again.");

internal sealed class ConnectAlpacaErrorType : UnionGraphType
{
    public ConnectAlpacaErrorType()
    {
        Name = "ConnectAlpacaError";
        Type<ReturnToNotAllowedErrorType>();
        Type<LiveTradingNotAllowedErrorType>();
        Type<TooManyPendingConnectsErrorType>();
        Type<NotInRolloutErrorType>();
    }
}

internal sealed class CompleteAlpacaConnectionErrorType : UnionGraphType
{
    public CompleteAlpacaConnectionErrorType()
    {
        Name = "CompleteAlpacaConnectionError";
        Type<InvalidCompletionCodeErrorType>();
        Type<AccountAlreadyLinkedErrorType>();
        Type<NotInRolloutErrorType>();
    }
}

internal sealed class DisconnectAlpacaErrorType : UnionGraphType
{
    public DisconnectAlpacaErrorType()
    {
        Name = "DisconnectAlpacaError";
        Type<NotConnectedErrorType>();
    }
}
