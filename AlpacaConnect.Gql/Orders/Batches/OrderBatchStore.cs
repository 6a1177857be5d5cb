using System.Text.Json;
using AlpacaConnect.Gql.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AlpacaConnect.Gql.Orders.Batches;

/// <summary>One item of a batch as saved: a position's symbol, or an order Alpaca listed as open and whether its cancel was accepted.</summary>
internal sealed record OrderBatchItem(string Symbol, Guid? AlpacaOrderId = null, string? ClientOrderId = null, bool Accepted = false);

internal static class OrderBatchItems
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string Write(IEnumerable<OrderBatchItem> items) => JsonSerializer.Serialize(items.ToList(), Json);

    public static IReadOnlyList<OrderBatchItem> Read(OrderBatch batch) =>
        JsonSerializer.Deserialize<List<OrderBatchItem>>(batch.Items, Json) ?? [];
}

internal sealed class OrderBatchStore(IDbContextFactory<AppDbContext> databases, TimeProvider time)
{
    /// <summary>
    /// Saves the key's batch of <paramref name="items"/> at the connected account, before anything is sent; when another
    /// instance saved this key first, its batch is this key's batch and is returned instead.
    /// </summary>
    public async Task<OrderBatch> SaveFirstAsync(
        string userId, OrderBatchKind kind, string idempotencyKey, string fingerprint, Connections.BoundConnection connection,
        IEnumerable<OrderBatchItem> items, CancellationToken cancellationToken)
    {
        var batch = new OrderBatch
        {
            Id = Guid.NewGuid(),
            UserId = userId,
            Kind = kind,
            IdempotencyKey = idempotencyKey,
            RequestFingerprint = fingerprint,
            AlpacaAccountId = connection.AccountId,
            Environment = connection.Environment,
            Items = OrderBatchItems.Write(items),
            CreatedAt = time.GetUtcNow(),
        };
        return await TryInsertAsync(batch, cancellationToken)
            ? batch
            : await FindAsync(userId, kind, idempotencyKey, cancellationToken) ?? throw new InvalidOperationException("The batch could not be saved.");
    }

    public async Task<OrderBatch?> FindAsync(string userId, OrderBatchKind kind, string idempotencyKey, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.Set<OrderBatch>().AsNoTracking()
            .SingleOrDefaultAsync(b => b.UserId == userId && b.Kind == kind && b.IdempotencyKey == idempotencyKey, cancellationToken);
    }

    /// <summary>Saves the batch; false when another instance saved this key first (the unique index held).</summary>
    private async Task<bool> TryInsertAsync(OrderBatch batch, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        db.Add(batch);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            return false;
        }
    }

    /// <summary>Records which items Alpaca accepted; never cancelled by the request, like every write after a send.</summary>
    public async Task UpdateItemsAsync(Guid batchId, IEnumerable<OrderBatchItem> items)
    {
        await using var db = await databases.CreateDbContextAsync(CancellationToken.None);
        var batch = await db.Set<OrderBatch>().SingleAsync(b => b.Id == batchId, CancellationToken.None);
        batch.Items = OrderBatchItems.Write(items);
        await db.SaveChangesAsync(CancellationToken.None);
    }
}
