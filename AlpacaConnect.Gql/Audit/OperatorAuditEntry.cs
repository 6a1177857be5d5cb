using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AlpacaConnect.Gql.Audit;

/// <summary>
/// One operator action: who (the operator token's <c>sub</c>), when (the app's clock), what, on whom, why (required)
/// and how it ended. Written in the transaction of the change it records, when there is one; rows are never updated.
/// </summary>
internal sealed class OperatorAuditEntry
{
    public long Id { get; init; }

    public DateTimeOffset At { get; init; }

    public required string Operator { get; init; }

    /// <summary>e.g. <c>user.lookup</c>, <c>user.disconnect</c>, <c>order.settle</c>, <c>halt.pause</c>, <c>halt.resume</c>.</summary>
    public required string Action { get; init; }

    /// <summary>What it was done to: a user id, an order id, a halt's scope and target.</summary>
    public required string Target { get; init; }

    public required string Reason { get; init; }

    /// <summary>How it ended, e.g. <c>disconnected</c>, <c>not-connected</c>, <c>already-paused</c>.</summary>
    public required string Outcome { get; init; }

    public static OperatorAuditEntry Of(DateTimeOffset at, string operatorId, string action, string target, string reason, string outcome) =>
        new() { At = at, Operator = operatorId, Action = action, Target = target, Reason = reason, Outcome = outcome };
}

internal sealed class OperatorAuditEntryConfiguration : IEntityTypeConfiguration<OperatorAuditEntry>
{
    public void Configure(EntityTypeBuilder<OperatorAuditEntry> entity)
    {
        entity.ToTable("OperatorAudit");
        entity.HasKey(e => e.Id);
        entity.HasIndex(e => e.At);
        entity.Property(e => e.Operator).HasMaxLength(128);
        entity.Property(e => e.Action).HasMaxLength(32);
        entity.Property(e => e.Target).HasMaxLength(200);
        entity.Property(e => e.Reason).HasMaxLength(OperatorReason.MaxLength);
        entity.Property(e => e.Outcome).HasMaxLength(32);
    }
}
