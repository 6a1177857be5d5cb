using AlpacaConnect.Gql.Alpaca;
using AlpacaConnect.Gql.Alpaca.Models;
using AlpacaConnect.Gql.Events;
using AlpacaConnect.Gql.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AlpacaConnect.Gql.Connections;

/// <summary>
/// Gives the Alpaca token handler the decrypted token of a connection (or of a pending connection, which
/// the callback reads the account through) and records refreshes and revocations.
/// </summary>
internal sealed class ConnectionCredentialStore(
    IDbContextFactory<AppDbContext> databases,
    TokenVault vault,
    IEventBus events,
    ISharedLocks locks,
    TimeProvider time,
    IEnumerable<IConnectionEventEnlistment> enlisted) : IAlpacaCredentialStore
{
    public Task<IAsyncDisposable> HoldRefreshAsync(Guid connectionId, CancellationToken cancellationToken) =>
        locks.AcquireAsync($"alpaca-token-refresh:{connectionId:N}", cancellationToken);

    public async Task<AlpacaCredential?> GetAsync(Guid connectionId, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var connection = await db.Set<AlpacaConnection>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == connectionId, cancellationToken);
        if (connection is not null)
        {
            return connection is { Status: ConnectionStatus.Connected, AccessTokenCiphertext: { } access }
                ? Credential(connectionId, access, connection.RefreshTokenCiphertext, connection.TokenExpiresAt)
                : null;
        }

        var pending = await db.Set<PendingConnection>().AsNoTracking().SingleOrDefaultAsync(p => p.Id == connectionId, cancellationToken);
        return pending is null || pending.ExpiresAt <= time.GetUtcNow()
            ? null
            : Credential(connectionId, pending.AccessTokenCiphertext, pending.RefreshTokenCiphertext, pending.TokenExpiresAt);
    }

    public async Task SaveRefreshedAsync(Guid connectionId, AlpacaTokenSet tokens, CancellationToken cancellationToken)
    {
        var access = vault.Protect(TokenKind.Access, connectionId, tokens.AccessToken);
        var refresh = tokens.RefreshToken is null ? null : vault.Protect(TokenKind.Refresh, connectionId, tokens.RefreshToken);
        var now = time.GetUtcNow();
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var updated = await db.Set<AlpacaConnection>()
            .Where(c => c.Id == connectionId && c.Status == ConnectionStatus.Connected)
            .ExecuteUpdateAsync(c => c
                .SetProperty(x => x.AccessTokenCiphertext, access)
                .SetProperty(x => x.RefreshTokenCiphertext, refresh)
                .SetProperty(x => x.TokenExpiresAt, tokens.ExpiresAt)
                .SetProperty(x => x.UpdatedAt, now), cancellationToken);
        if (updated == 0)
        {
            await db.Set<PendingConnection>().Where(p => p.Id == connectionId).ExecuteUpdateAsync(p => p
                .SetProperty(x => x.AccessTokenCiphertext, access)
                .SetProperty(x => x.RefreshTokenCiphertext, refresh)
                .SetProperty(x => x.TokenExpiresAt, tokens.ExpiresAt), cancellationToken);
        }
    }

    public async Task<bool> MarkReauthRequiredAsync(Guid connectionId, string refusedAccessToken, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var current = await db.Set<AlpacaConnection>().AsNoTracking()
            .Where(c => c.Id == connectionId && c.Status == ConnectionStatus.Connected)
            .Select(c => new { c.UserId, c.AccessTokenCiphertext })
            .SingleOrDefaultAsync(cancellationToken);
        if (current?.AccessTokenCiphertext is not { } ciphertext
            || vault.Unprotect(TokenKind.Access, connectionId, ciphertext) != refusedAccessToken)
        {
            // Already marked, disconnected, or reconnected with a new token since this call started.
            return false;
        }

        // A conditional update on the very ciphertext read: of many concurrent 401s, exactly one sees the
        // transition, and a reconnect in between makes it a no-op.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var changed = await db.Set<AlpacaConnection>()
            .Where(c => c.Id == connectionId && c.Status == ConnectionStatus.Connected && c.AccessTokenCiphertext == ciphertext)
            .ExecuteUpdateAsync(c => c
                .SetProperty(x => x.Status, ConnectionStatus.ReauthRequired)
                .SetProperty(x => x.UpdatedAt, time.GetUtcNow()), cancellationToken) == 1;
        if (changed)
        {
            foreach (var enlistment in enlisted)
            {
                await enlistment.EnlistReauthRequiredAsync(db, current.UserId, connectionId, cancellationToken);
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        if (changed)
        {
            events.Publish(new AlpacaConnectionChanged(current.UserId, connectionId, ConnectionStatus.ReauthRequired));
        }

        return changed;
    }

    private AlpacaCredential? Credential(Guid owner, string accessCiphertext, string? refreshCiphertext, DateTimeOffset? expiresAt)
    {
        var access = vault.Unprotect(TokenKind.Access, owner, accessCiphertext);
        var refresh = refreshCiphertext is null ? null : vault.Unprotect(TokenKind.Refresh, owner, refreshCiphertext);
        return access is null ? null : new AlpacaCredential(access, refresh, expiresAt);
    }
}
