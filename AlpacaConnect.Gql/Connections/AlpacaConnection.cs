using AlpacaConnect.Gql.Alpaca;

namespace AlpacaConnect.Gql.Connections;

/// <summary>
/// A user's link to one Alpaca account. A user has at most one row; reconnecting repairs it in place
/// (same id), disconnecting deletes its tokens and keeps the row for history.
/// </summary>
internal sealed class AlpacaConnection
{
    public Guid Id { get; init; }

    public required string UserId { get; init; }

    public AlpacaEnvironment Environment { get; set; }

    public ConnectionStatus Status { get; set; }

    /// <summary>Alpaca's account id (UUID). Unique among linked connections: one account, one app user.</summary>
    public string? AccountId { get; set; }

    public string? AccountNumber { get; set; }

    public string? AccountStatus { get; set; }

    /// <summary>Scopes as granted by Alpaca's token endpoint (may be wider than requested).</summary>
    public string Scopes { get; set; } = "";

    /// <summary>Access token, encrypted and bound to this row (see <see cref="TokenVault"/>).</summary>
    public string? AccessTokenCiphertext { get; set; }

    public string? RefreshTokenCiphertext { get; set; }

    public DateTimeOffset? TokenExpiresAt { get; set; }

    public DateTimeOffset ConnectedAt { get; set; }

    public DateTimeOffset? LastSyncedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
