using AlpacaConnect.Gql.Audit;
using AlpacaConnect.Gql.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AlpacaConnect.Gql.Operators;

/// <summary>Writes operator audit rows for actions that change nothing in our database themselves (reads, lookups at Alpaca).</summary>
internal sealed class OperatorAudit(IDbContextFactory<AppDbContext> databases, TimeProvider time)
{
    public async Task RecordAsync(string operatorId, string action, string target, string reason, string outcome)
    {
        // Not cancellable by the request: an action that happened is recorded even if the caller went away.
        await using var db = await databases.CreateDbContextAsync(CancellationToken.None);
        db.Add(OperatorAuditEntry.Of(time.GetUtcNow(), operatorId, action, target, reason, outcome));
        await db.SaveChangesAsync(CancellationToken.None);
    }
}
