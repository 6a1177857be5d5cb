using AlpacaConnect.Gql.GraphQL.Errors;

namespace AlpacaConnect.Gql.Connections;

internal sealed record ReturnToNotAllowedError(string ReturnTo)
    : PayloadError(ErrorCodes.ReturnToNotAllowed, "returnTo is not on the server's allow-list.");

internal sealed record LiveTradingNotAllowedError()
    : PayloadError(ErrorCodes.LiveTradingNotAllowed, "This server does not connect LIVE accounts.");

internal sealed record TooManyPendingConnectsError(int Limit)
    : PayloadError(ErrorCodes.TooManyPendingConnects, "Too many connect flows are started and not finished; finish or let one expire (StateLifetime) first.");

internal sealed record InvalidCompletionCodeError()
    : PayloadError(ErrorCodes.InvalidCompletionCode, "The completion code is unknown, expired, already used or belongs to another user's flow. Start again with connectAlpaca.");

internal sealed record AccountAlreadyLinkedError()
    : PayloadError(ErrorCodes.AccountAlreadyLinked, "This Alpaca account is already linked to another user. Start again with connectAlpaca and choose another account.");

internal sealed record NotConnectedError()
    : PayloadError(ErrorCodes.NotConnected, "No Alpaca account is connected.");

internal sealed record ReauthRequiredError()
    : PayloadError(ErrorCodes.ReauthRequired, "Alpaca no longer accepts this connection; connect again.");

internal static class ConnectionErrors
{
    /// <summary>The payload error for a connection that cannot be used (<see cref="ConnectionDirectory.RequireBoundAsync"/>'s NOT_CONNECTED or REAUTH_REQUIRED).</summary>
    public static PayloadError Of(ApiException e) =>
        e.Code == ErrorCodes.NotConnected ? new NotConnectedError() : new ReauthRequiredError();
}
