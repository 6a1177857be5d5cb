using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AlpacaConnect.Gql.Notifications;

internal sealed class PushDeviceConfiguration : IEntityTypeConfiguration<PushDevice>
{
    public void Configure(EntityTypeBuilder<PushDevice> entity)
    {
        entity.ToTable("PushDevices");
        entity.HasKey(d => d.Id);
        // One device per token: registering it again (or from another account after a reinstall) moves it, never doubles it.
        entity.HasIndex(d => new { d.Platform, d.Token }).IsUnique();
        entity.HasIndex(d => d.UserId);
        entity.Property(d => d.UserId).HasMaxLength(128);
        entity.Property(d => d.Platform).HasConversion<string>().HasMaxLength(8);
        entity.Property(d => d.Token).HasMaxLength(PushTokenRules.MaxLength);
        entity.Property(d => d.Environment).HasMaxLength(16);
    }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> entity)
    {
        entity.ToTable("NotificationOutbox");
        entity.HasKey(m => m.Id);
        entity.HasIndex(m => m.DedupId).IsUnique();
        // The dispatcher's scan: due rows in order.
        entity.HasIndex(m => new { m.State, m.NextAttemptAt });
        entity.HasIndex(m => new { m.OrderId, m.State });
        entity.HasIndex(m => m.DeviceId);
        entity.Property(m => m.UserId).HasMaxLength(128);
        entity.Property(m => m.Channel).HasConversion<string>().HasMaxLength(8);
        entity.Property(m => m.State).HasConversion<string>().HasMaxLength(16);
        entity.Property(m => m.DedupId).HasMaxLength(64);
        entity.Property(m => m.CollapseKey).HasMaxLength(64);
        entity.Property(m => m.EventType).HasMaxLength(64);
        entity.Property(m => m.ClaimedBy).HasMaxLength(64);
        entity.Property(m => m.SentBy).HasMaxLength(32);
        entity.Property(m => m.ProviderId).HasMaxLength(256);
        entity.Property(m => m.LastError).HasMaxLength(256);
    }
}
