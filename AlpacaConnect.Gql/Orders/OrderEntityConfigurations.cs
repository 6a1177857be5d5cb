using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AlpacaConnect.Gql.Orders;

internal sealed class OrderConfiguration : IEntityTypeConfiguration<Order>
{
    /// <summary>Not terminal (<see cref="OrderStatuses.Terminal"/>, in its order).</summary>
    private static readonly string OpenFilter =
        $"\"Status\" NOT IN ({string.Join(", ", OrderStatuses.Terminal.Select(s => $"'{s}'"))})";

    public void Configure(EntityTypeBuilder<Order> entity)
    {
        entity.ToTable("Orders");
        entity.HasKey(o => o.Id);
        // The idempotency guarantee itself: a second insert with the same key fails instead of placing twice.
        entity.HasIndex(o => new { o.UserId, o.IdempotencyKey }).IsUnique();
        entity.HasIndex(o => o.ClientOrderId).IsUnique();
        entity.HasIndex(o => o.AlpacaOrderId);
        entity.HasIndex(o => new { o.UserId, o.CreatedAt });
        entity.HasIndex(o => o.ParentOrderId);
        // Open orders only (partial indexes, both providers): a history sync and the stream supervisor look for a
        // user's or a connection's open orders, a handful, and without these read every order the user ever placed,
        // once per order placed. The filter is the text EF writes for !Terminal.Contains(Status), so SQLite matches it.
        entity.HasIndex(o => new { o.UserId, o.AlpacaAccountId, o.Environment }, "IX_Orders_Open_User").HasFilter(OpenFilter);
        entity.HasIndex(o => o.ConnectionId, "IX_Orders_Open_Connection").HasFilter(OpenFilter);
        entity.Property(o => o.UserId).HasMaxLength(128);
        entity.Property(o => o.IdempotencyKey).HasMaxLength(OrderInputRules.MaxIdempotencyKeyLength);
        entity.Property(o => o.RequestFingerprint).HasMaxLength(64);
        entity.Property(o => o.ClientOrderId).HasMaxLength(48);
        entity.Property(o => o.Symbol).HasMaxLength(OrderInputRules.MaxSymbolLength);
        entity.Property(o => o.Side).HasConversion<string>().HasMaxLength(16);
        entity.Property(o => o.Type).HasConversion<string>().HasMaxLength(16);
        entity.Property(o => o.TimeInForce).HasConversion<string>().HasMaxLength(16);
        entity.Property(o => o.OrderClass).HasConversion<string>().HasMaxLength(16);
        entity.Property(o => o.Status).HasConversion<string>().HasMaxLength(32);
        entity.Property(o => o.RejectionCode).HasMaxLength(64);
        entity.Property(o => o.RejectionMessage).HasMaxLength(512);
        entity.Property(o => o.Version).IsConcurrencyToken();
        entity.Property(o => o.AlpacaAccountId).HasMaxLength(64);
        entity.Property(o => o.Environment).HasConversion<string>().HasMaxLength(16);
        entity.Property(o => o.Command).HasConversion<string>().HasMaxLength(16);
        entity.Property(o => o.AssetClass).HasConversion<string>().HasMaxLength(16);
        entity.Property(o => o.UsageDay).HasMaxLength(10);
    }
}

internal sealed class OrderEventConfiguration : IEntityTypeConfiguration<OrderEvent>
{
    public void Configure(EntityTypeBuilder<OrderEvent> entity)
    {
        entity.ToTable("OrderEvents");
        entity.HasKey(e => e.Id);
        // Not unique on the status: an order can come back to one (a rejected cancel returns it to NEW).
        entity.HasIndex(e => new { e.OrderId, e.Id });
        // The user's log, read after a sequence (orderUpdated(after:), orderEvents): unique, so one number is one event.
        entity.HasIndex(e => new { e.UserId, e.Sequence }).IsUnique();
        entity.Property(e => e.UserId).HasMaxLength(128);
        entity.HasOne<Order>().WithMany().HasForeignKey(e => e.OrderId).OnDelete(DeleteBehavior.Cascade);
        entity.Property(e => e.Status).HasConversion<string>().HasMaxLength(32);
        entity.Property(e => e.Kind).HasConversion<string>().HasMaxLength(32);
        entity.Property(e => e.Source).HasMaxLength(32);
        entity.ComplexProperty(e => e.Execution, execution =>
        {
            execution.Property(x => x.Id).HasColumnName("ExecutionId");
            execution.Property(x => x.Price).HasColumnName("ExecutionPrice");
            execution.Property(x => x.Qty).HasColumnName("ExecutionQty");
            execution.Property(x => x.PositionQty).HasColumnName("PositionQty");
        });
    }
}

internal sealed class UserEventSequenceConfiguration : IEntityTypeConfiguration<UserEventSequence>
{
    public void Configure(EntityTypeBuilder<UserEventSequence> entity)
    {
        entity.ToTable("UserEventSequences");
        entity.HasKey(e => e.UserId);
        entity.Property(e => e.UserId).HasMaxLength(128);
    }
}
