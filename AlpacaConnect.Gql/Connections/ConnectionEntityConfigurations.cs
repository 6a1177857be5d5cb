using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AlpacaConnect.Gql.Connections;

internal sealed class AlpacaConnectionConfiguration : IEntityTypeConfiguration<AlpacaConnection>
{
    public void Configure(EntityTypeBuilder<AlpacaConnection> entity)
    {
        entity.ToTable("AlpacaConnections");
        entity.HasKey(c => c.Id);
        entity.HasIndex(c => c.UserId).IsUnique();
        // One Alpaca account links to at most one app user, while linked.
        entity.HasIndex(c => c.AccountId).IsUnique().HasFilter("\"Status\" <> 'NotConnected'");
        entity.Property(c => c.UserId).HasMaxLength(128);
        entity.Property(c => c.Environment).HasConversion<string>().HasMaxLength(16);
        entity.Property(c => c.Status).HasConversion<string>().HasMaxLength(32);
        entity.Property(c => c.AccountId).HasMaxLength(64);
        entity.Property(c => c.AccountNumber).HasMaxLength(64);
        entity.Property(c => c.AccountStatus).HasMaxLength(64);
        entity.Property(c => c.Scopes).HasMaxLength(256);
    }
}

internal sealed class OAuthStateConfiguration : IEntityTypeConfiguration<OAuthState>
{
    public void Configure(EntityTypeBuilder<OAuthState> entity)
    {
        entity.ToTable("OAuthStates");
        entity.HasKey(s => s.StateHash);
        entity.Property(s => s.StateHash).HasMaxLength(64);
        entity.Property(s => s.UserId).HasMaxLength(128);
        entity.Property(s => s.Environment).HasConversion<string>().HasMaxLength(16);
        entity.Property(s => s.ReturnTo).HasMaxLength(2048);
        entity.HasIndex(s => s.ExpiresAt);
    }
}

internal sealed class PendingConnectionConfiguration : IEntityTypeConfiguration<PendingConnection>
{
    public void Configure(EntityTypeBuilder<PendingConnection> entity)
    {
        entity.ToTable("PendingConnections");
        entity.HasKey(p => p.Id);
        entity.HasIndex(p => p.CompletionCodeHash).IsUnique();
        entity.HasIndex(p => p.ExpiresAt);
        entity.Property(p => p.CompletionCodeHash).HasMaxLength(64);
        entity.Property(p => p.UserId).HasMaxLength(128);
        entity.Property(p => p.Environment).HasConversion<string>().HasMaxLength(16);
        entity.Property(p => p.AccountId).HasMaxLength(64);
        entity.Property(p => p.Scopes).HasMaxLength(256);
    }
}
