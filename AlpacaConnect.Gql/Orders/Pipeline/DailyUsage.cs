using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AlpacaConnect.Gql.Orders.Pipeline;

/// <summary>
/// What one user has reserved against the daily limits on one trading day. Updated only by one conditional statement
/// (<see cref="UsageLedger"/>), so the caps hold under any concurrency, on one instance or many, without a lock
/// across any call to Alpaca. Values are integers (micro-dollars) so both providers can add them in SQL.
/// </summary>
internal sealed class DailyUsage
{
    public required string UserId { get; init; }

    /// <summary>America/New_York date, yyyy-MM-dd.</summary>
    public required string Day { get; init; }

    public int Count { get; set; }

    public long NotionalMicros { get; set; }
}

internal sealed class DailyUsageConfiguration : IEntityTypeConfiguration<DailyUsage>
{
    public void Configure(EntityTypeBuilder<DailyUsage> entity)
    {
        entity.ToTable("DailyUsage");
        entity.HasKey(u => new { u.UserId, u.Day });
        entity.Property(u => u.UserId).HasMaxLength(128);
        entity.Property(u => u.Day).HasMaxLength(10);
    }
}
