using AlpacaConnect.Gql.Alpaca;
using AlpacaConnect.Gql.Connections;
using AlpacaConnect.Gql.GraphQL.Errors;
using AlpacaConnect.Gql.Identity;
using GraphQL;

namespace AlpacaConnect.Gql.Trading.Reads;

/// <summary>
/// The caller's usable connection, looked up once per request (scoped): every field of one response reads the same
/// connection, and the data of a connection is only ever reached through its owner's id from the JWT.
/// </summary>
internal sealed class CallerConnection(ConnectionDirectory directory)
{
    private readonly Lock _sync = new();
    private (string UserId, Task<BoundConnection> Connection)? _looked;

    /// <summary>The connection, or the typed <c>NOT_CONNECTED</c> / <c>REAUTH_REQUIRED</c> error before any upstream call.</summary>
    public async Task<AlpacaConnectionRef> RequireAsync(IResolveFieldContext context) => (await RequireBoundAsync(context)).Connection;

    /// <summary>The connection with the account it points at now, or null when there is none usable.</summary>
    public async Task<BoundConnection?> FindBoundAsync(IResolveFieldContext context)
    {
        try
        {
            return await RequireBoundAsync(context);
        }
        catch (ApiException e) when (e.Code is ErrorCodes.NotConnected or ErrorCodes.ReauthRequired)
        {
            return null;
        }
    }

    /// <summary>Like <see cref="RequireAsync"/>, with the Alpaca account the connection points at and its granted scopes.</summary>
    public Task<BoundConnection> RequireBoundAsync(IResolveFieldContext context)
    {
        var userId = AppUser.IdOf(context.User)
            ?? throw new ApiException(ErrorCodes.Unauthenticated, "You must be signed in.");
        lock (_sync)
        {
            if (_looked is not { } looked || looked.UserId != userId)
            {
                looked = (userId, directory.RequireBoundAsync(userId, context.CancellationToken));
                _looked = looked;
            }

            return looked.Connection;
        }
    }
}
