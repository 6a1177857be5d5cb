using AlpacaConnect.Gql.Alpaca;
using AlpacaConnect.Gql.Connections;
using AlpacaConnect.Gql.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AlpacaConnect.Gql.Streaming;

/// <summary>
/// The usable connections, as the stream supervisor asks for them at every (re)connect. Read here, from the Connections
/// feature's table, so that Streaming depends on Connections and never the other way round.
/// </summary>
internal sealed class ConnectionStreamTargets(IDbContextFactory<AppDbContext> databases) : IStreamTargets
{
    public Task<StreamTarget?> FindAsync(Guid connectionId, CancellationToken cancellationToken) =>
        FindAsync(c => c.Id == connectionId, cancellationToken);

    public Task<StreamTarget?> FindForUserAsync(string userId, CancellationToken cancellationToken) =>
        FindAsync(c => c.UserId == userId, cancellationToken);

    private async Task<StreamTarget?> FindAsync(System.Linq.Expressions.Expression<Func<AlpacaConnection, bool>> which, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var connection = await db.Set<AlpacaConnection>().AsNoTracking()
            .Where(which)
            .Where(c => c.Status == ConnectionStatus.Connected)
            .Select(c => new { c.Id, c.UserId, c.Environment, c.AccountId })
            .SingleOrDefaultAsync(cancellationToken);
        return connection is null ? null : new StreamTarget(connection.UserId, new AlpacaConnectionRef(connection.Id, connection.Environment), connection.AccountId);
    }
}
