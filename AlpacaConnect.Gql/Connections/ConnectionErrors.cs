using AlpacaConnect.Gql.GraphQL.Errors;

namespace AlpacaConnect.Gql.Connections;

public sealed record ReturnToNotAllowedError(string ReturnTo)
    : PayloadError(ErrorCodes.ReturnToNotAllowed, "returnTo is not on the server's allow-list.");

public sealed record LiveTradingNotAllowedError()
    : PayloadError(ErrorCodes.LiveTradingNotAllowed, "This server does not connect LIVE accounts.");

public sealed record TooManyPendingConnectsError(int Limit)
    : PayloadError(ErrorCodes.TooManyPendingConnects, "Too many connect flows are started and not finished; finish or let one expire (StateLifetime) first.");

public sealed record InvalidCompletionCodeError()
    : PayloadError(ErrorCodes.InvalidCompletionCode, "The completion code is unknown, expired, already used or belongs to another user's flow. Start again with connectAlpaca.");

public sealed record AccountAlreadyLinkedError()
    : PayloadError(ErrorCodes.AccountAlreadyLinked, "This Alpaca account is already linked to another user.");

public sealed record NotConnectedError()
    : PayloadError(ErrorCodes.NotConnected, "No Alpaca account is connected.");

public sealed record ReauthRequiredError()
    : PayloadError(ErrorCodes.ReauthRequired, "Alpaca no longer accepts this connection; connect again.");
