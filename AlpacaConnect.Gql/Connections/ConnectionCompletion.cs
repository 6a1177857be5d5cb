using AlpacaConnect.Gql.Events;
using AlpacaConnect.Gql.GraphQL.Errors;
using AlpacaConnect.Gql.Observability;
using AlpacaConnect.Gql.Persistence;
using AlpacaConnect.Gql.Rollout;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AlpacaConnect.Gql.Connections;

/// <summary>
/// Step 3 of connecting: the app claims the pending connection with the completion code and its own JWT.
/// Only the user who started the flow can claim it, so a forwarded authorize link links nobody to anybody
/// else's account. The code is single use whatever the outcome.
/// </summary>
internal sealed class ConnectionCompletion(
    IDbContextFactory<AppDbContext> databases,
    TokenVault vault,
    IEventBus events,
    IOptions<ConnectionsOptions> options,
    TimeProvider time,
    AppMetrics metrics,
    RolloutGate rollout)
{
    public async Task<CompleteAlpacaConnectionPayload> CompleteAsync(string userId, string completionCode, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var hash = OneTimeSecret.Hash(completionCode);
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var pending = await db.Set<PendingConnection>().AsNoTracking()
            .SingleOrDefaultAsync(p => p.CompletionCodeHash == hash, cancellationToken);
        var claimed = pending is not null
            && await db.Set<PendingConnection>().Where(p => p.Id == pending.Id).ExecuteDeleteAsync(cancellationToken) == 1;
        if (!claimed || pending!.ExpiresAt <= now || pending.UserId != userId || pending.AccountId is null)
        {
            return Failed(new InvalidCompletionCodeError());
        }

        // Checked again after the claim (the code is spent, the tokens dropped): the cohort may have shrunk while the
        // user was on Alpaca's consent page.
        if (rollout.Refusal(userId) is { } outside)
        {
            return Failed(outside);
        }

        var linkedElsewhere = await db.Set<AlpacaConnection>().AnyAsync(
            c => c.AccountId == pending.AccountId && c.UserId != userId && c.Status != ConnectionStatus.NotConnected,
            cancellationToken);
        if (linkedElsewhere)
        {
            return Failed(new AccountAlreadyLinkedError());
        }

        var connection = await db.Set<AlpacaConnection>().SingleOrDefaultAsync(c => c.UserId == userId, cancellationToken);
        if (connection is null)
        {
            connection = new AlpacaConnection { Id = Guid.NewGuid(), UserId = userId };
            db.Add(connection);
        }

        if (!Link(connection, pending, now))
        {
            return Failed(new InvalidCompletionCodeError());
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The unique index on linked account ids lost a race against another user's completion.
            return Failed(new AccountAlreadyLinkedError());
        }

        metrics.ConnectCompleted(connection.Environment, now - pending.CreatedAt);
        events.Publish(new AlpacaConnectionChanged(userId, connection.Id, connection.Status));
        return new CompleteAlpacaConnectionPayload(AlpacaConnectionView.From(connection, options.Value.SignUpUrl), []);
    }

    private CompleteAlpacaConnectionPayload Failed(PayloadError error)
    {
        metrics.ConnectFailed(error.Code);
        return CompleteAlpacaConnectionPayload.Failed(error);
    }

    /// <summary>Moves the tokens from the pending row to the connection (re-encrypted: ciphertexts are bound to their row).</summary>
    private bool Link(AlpacaConnection connection, PendingConnection pending, DateTimeOffset now)
    {
        var access = vault.Unprotect(TokenKind.Access, pending.Id, pending.AccessTokenCiphertext);
        if (access is null)
        {
            return false;
        }

        var refresh = pending.RefreshTokenCiphertext is null ? null : vault.Unprotect(TokenKind.Refresh, pending.Id, pending.RefreshTokenCiphertext);
        connection.Environment = pending.Environment;
        connection.Status = ConnectionStatus.Connected;
        connection.AccountId = pending.AccountId;
        connection.AccountNumber = pending.AccountNumber;
        connection.AccountStatus = pending.AccountStatus;
        connection.Scopes = pending.Scopes;
        connection.AccessTokenCiphertext = vault.Protect(TokenKind.Access, connection.Id, access);
        connection.RefreshTokenCiphertext = refresh is null ? null : vault.Protect(TokenKind.Refresh, connection.Id, refresh);
        connection.TokenExpiresAt = pending.TokenExpiresAt;
        connection.ConnectedAt = now;
        connection.LastSyncedAt = now;
        connection.UpdatedAt = now;
        return true;
    }
}
