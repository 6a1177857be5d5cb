using AlpacaConnect.Gql.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AlpacaConnect.Gql.Connections;

/// <summary>Consumes OAuth states exactly once: the row is deleted by the one request that finds it unexpired.</summary>
internal sealed class OAuthStateStore(IDbContextFactory<AppDbContext> databases, TimeProvider time)
{
    public async Task<OAuthState?> ConsumeAsync(string? state, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(state) || state.Length > 256)
        {
            return null;
        }

        var hash = OneTimeSecret.Hash(state);
        var now = time.GetUtcNow();
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var row = await db.Set<OAuthState>().AsNoTracking().SingleOrDefaultAsync(s => s.StateHash == hash, cancellationToken);
        if (row is null)
        {
            return null;
        }

        // The delete is the atomic step: of two concurrent callbacks with one state, only one deletes the row.
        var deleted = await db.Set<OAuthState>().Where(s => s.StateHash == hash).ExecuteDeleteAsync(cancellationToken);
        return deleted == 1 && row.ExpiresAt > now ? row : null;
    }
}
