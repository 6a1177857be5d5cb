using AlpacaConnect.Gql.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AlpacaConnect.Gql.Streaming;

/// <summary>
/// Leases on accounts' streams in the shared database: taking one is a single conditional update (or the insert of a
/// new row), so of two instances asking at once exactly one wins. Each instance has its own owner id per process.
/// </summary>
internal sealed class StreamLeases(IDbContextFactory<AppDbContext> databases, IOptions<StreamingOptions> options, TimeProvider time)
{
    public string Owner { get; } = Guid.NewGuid().ToString("N");

    /// <summary>How often a holder renews: three times per lease, so a late renewal still comes before it expires.</summary>
    public TimeSpan RenewEvery => options.Value.LeaseDuration / 3;

    /// <summary>Takes or renews the lease; false while another live instance holds it.</summary>
    public async Task<bool> TryHoldAsync(Guid connectionId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var until = now + options.Value.LeaseDuration;
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var taken = await db.Set<StreamLease>()
            .Where(l => l.ConnectionId == connectionId && (l.Owner == Owner || l.ExpiresAt < now))
            .ExecuteUpdateAsync(l => l.SetProperty(x => x.Owner, Owner).SetProperty(x => x.ExpiresAt, until), cancellationToken);
        if (taken == 1)
        {
            return true;
        }

        if (await db.Set<StreamLease>().AnyAsync(l => l.ConnectionId == connectionId, cancellationToken))
        {
            return false;
        }

        db.Add(new StreamLease { ConnectionId = connectionId, Owner = Owner, ExpiresAt = until });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            return false; // another instance inserted it first
        }
    }

    /// <summary>Gives the lease up at once (a clean stop, or no more demand), so another instance need not wait for it to expire.</summary>
    public async Task ReleaseAsync(Guid connectionId, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        await db.Set<StreamLease>().Where(l => l.ConnectionId == connectionId && l.Owner == Owner).ExecuteDeleteAsync(cancellationToken);
    }
}
