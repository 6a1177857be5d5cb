using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AlpacaConnect.Gql.Streaming;

internal sealed class StreamLeaseConfiguration : IEntityTypeConfiguration<StreamLease>
{
    public void Configure(EntityTypeBuilder<StreamLease> entity)
    {
        entity.ToTable("StreamLeases");
        entity.HasKey(l => l.ConnectionId);
        entity.Property(l => l.Owner).HasMaxLength(64);
    }
}
