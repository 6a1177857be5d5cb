using AlpacaConnect.Gql.Alpaca;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AlpacaConnect.Gql.Orders.Batches;

internal enum OrderBatchKind
{
    CancelAll,
    CloseAll,
}

/// <summary>
/// One <c>cancelAllOrders</c> / <c>closeAllPositions</c> request, saved before its first item is sent (decision 0038):
/// the key's fingerprint, the account it concerned and the items it covered, so a replay answers for the same items at
/// the same account and never picks up orders or positions that appeared afterwards.
/// </summary>
internal sealed class OrderBatch
{
    public Guid Id { get; set; }

    public required string UserId { get; set; }

    public OrderBatchKind Kind { get; set; }

    public required string IdempotencyKey { get; set; }

    public required string RequestFingerprint { get; set; }

    public string? AlpacaAccountId { get; set; }

    public AlpacaEnvironment Environment { get; set; }

    /// <summary>The items as JSON (<see cref="OrderBatchItems"/>): the symbols closed, or the orders cancelled and whether Alpaca accepted each.</summary>
    public string Items { get; set; } = "[]";

    public DateTimeOffset CreatedAt { get; set; }
}

internal sealed class OrderBatchConfiguration : IEntityTypeConfiguration<OrderBatch>
{
    public void Configure(EntityTypeBuilder<OrderBatch> entity)
    {
        entity.ToTable("OrderBatches");
        entity.HasKey(b => b.Id);
        // As for orders: a second insert with the same key fails instead of running the batch twice.
        entity.HasIndex(b => new { b.UserId, b.Kind, b.IdempotencyKey }).IsUnique();
        entity.Property(b => b.UserId).HasMaxLength(128);
        entity.Property(b => b.Kind).HasConversion<string>().HasMaxLength(16);
        entity.Property(b => b.IdempotencyKey).HasMaxLength(OrderInputRules.MaxIdempotencyKeyLength);
        entity.Property(b => b.RequestFingerprint).HasMaxLength(64);
        entity.Property(b => b.AlpacaAccountId).HasMaxLength(64);
        entity.Property(b => b.Environment).HasConversion<string>().HasMaxLength(16);
    }
}
