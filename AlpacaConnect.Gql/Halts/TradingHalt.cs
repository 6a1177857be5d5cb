using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AlpacaConnect.Gql.Halts;

/// <summary>
/// The kill switch: while a row exists, money-moving commands in its scope are refused (<c>TRADING_PAUSED</c>). Kept in
/// the database so a pause holds on every instance and across restarts; who set it and why are in the operator audit.
/// </summary>
internal sealed class TradingHalt
{
    /// <summary><see cref="Target"/> of the <see cref="HaltScope.All"/> halt: one row, so the unique index holds it once.</summary>
    public const string Everyone = "*";

    public Guid Id { get; init; }

    public HaltScope Scope { get; init; }

    /// <summary>The app user id (<see cref="HaltScope.User"/>), the Alpaca account id (<see cref="HaltScope.Account"/>) or <see cref="Everyone"/>.</summary>
    public required string Target { get; init; }

    public required string Reason { get; init; }

    public required string SetBy { get; init; }

    public DateTimeOffset SetAt { get; init; }

    /// <summary>How a halt is named in the audit and in the operator API's answers, e.g. <c>ACCOUNT:PA3…</c>.</summary>
    public static string Label(HaltScope scope, string target) => $"{scope.ToString().ToUpperInvariant()}:{target}";
}

internal enum HaltScope
{
    All,
    User,
    Account,
}

internal sealed class TradingHaltConfiguration : IEntityTypeConfiguration<TradingHalt>
{
    public void Configure(EntityTypeBuilder<TradingHalt> entity)
    {
        entity.ToTable("TradingHalts");
        entity.HasKey(h => h.Id);
        entity.HasIndex(h => new { h.Scope, h.Target }).IsUnique();
        entity.Property(h => h.Scope).HasConversion<string>().HasMaxLength(16);
        entity.Property(h => h.Target).HasMaxLength(128);
        entity.Property(h => h.Reason).HasMaxLength(500);
        entity.Property(h => h.SetBy).HasMaxLength(128);
    }
}
