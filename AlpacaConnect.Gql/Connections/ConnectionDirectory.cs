using AlpacaConnect.Gql.Alpaca;
using AlpacaConnect.Gql.Events;
using AlpacaConnect.Gql.GraphQL.Errors;
using AlpacaConnect.Gql.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AlpacaConnect.Gql.Connections;

/// <summary>Reading and ending a user's connection.</summary>
internal sealed class ConnectionDirectory(
    IDbContextFactory<AppDbContext> databases,
    IEventBus events,
    IOptions<ConnectionsOptions> options,
    TimeProvider time)
{
    public async Task<AlpacaConnectionView> GetAsync(string userId, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var connection = await db.Set<AlpacaConnection>().AsNoTracking().SingleOrDefaultAsync(c => c.UserId == userId, cancellationToken);
        return AlpacaConnectionView.From(connection, options.Value.SignUpUrl);
    }

    /// <summary>
    /// The caller's usable connection, for features that call Alpaca on the caller's behalf. Throws the typed
    /// <c>NOT_CONNECTED</c> or <c>REAUTH_REQUIRED</c> error otherwise, so no upstream call is attempted.
    /// </summary>
    public async Task<AlpacaConnectionRef> RequireAsync(string userId, CancellationToken cancellationToken) =>
        (await RequireBoundAsync(userId, cancellationToken)).Connection;

    /// <summary>Like <see cref="RequireAsync"/>, with the Alpaca account the connection points at now.</summary>
    public async Task<BoundConnection> RequireBoundAsync(string userId, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var connection = await db.Set<AlpacaConnection>().AsNoTracking()
            .Where(c => c.UserId == userId)
            .Select(c => new { c.Id, c.Environment, c.Status, c.AccountId, c.Scopes })
            .SingleOrDefaultAsync(cancellationToken);
        return connection?.Status switch
        {
            ConnectionStatus.Connected => new BoundConnection(new AlpacaConnectionRef(connection.Id, connection.Environment), connection.AccountId, connection.Scopes),
            ConnectionStatus.ReauthRequired => throw new ApiException(ErrorCodes.ReauthRequired, "Alpaca no longer accepts this connection; connect again."),
            _ => throw new ApiException(ErrorCodes.NotConnected, "No Alpaca account is connected."),
        };
    }

    /// <summary>Deletes the tokens. Alpaca documents no revoke endpoint, so forgetting them is what disconnecting means.</summary>
    public async Task<DisconnectAlpacaPayload> DisconnectAsync(string userId, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var connection = await db.Set<AlpacaConnection>().SingleOrDefaultAsync(
            c => c.UserId == userId && c.Status != ConnectionStatus.NotConnected, cancellationToken);
        if (connection is null)
        {
            return new DisconnectAlpacaPayload(AlpacaConnectionView.From(null, options.Value.SignUpUrl), [new NotConnectedError()]);
        }

        connection.Status = ConnectionStatus.NotConnected;
        connection.AccessTokenCiphertext = null;
        connection.RefreshTokenCiphertext = null;
        connection.TokenExpiresAt = null;
        connection.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        events.Publish(new AlpacaConnectionChanged(userId, connection.Id, ConnectionStatus.NotConnected));
        return new DisconnectAlpacaPayload(AlpacaConnectionView.From(connection, options.Value.SignUpUrl), []);
    }
}
