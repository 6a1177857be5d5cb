using AlpacaConnect.Gql.Alpaca;

namespace AlpacaConnect.Gql.Connections;

/// <summary>
/// An approved authorization waiting for the app to claim it with the one-time completion code. Nothing
/// is linked until the user who started the flow completes it; unclaimed rows expire with their tokens.
/// </summary>
internal sealed class PendingConnection
{
    public Guid Id { get; init; }

    public required string CompletionCodeHash { get; init; }

    /// <summary>The user who started the flow; only they may complete it.</summary>
    public required string UserId { get; init; }

    public AlpacaEnvironment Environment { get; init; }

    /// <summary>Filled in once the callback has read the account with the new token.</summary>
    public string? AccountId { get; set; }

    public string? AccountNumber { get; set; }

    public string? AccountStatus { get; set; }

    public string Scopes { get; init; } = "";

    public required string AccessTokenCiphertext { get; init; }

    public string? RefreshTokenCiphertext { get; init; }

    public DateTimeOffset? TokenExpiresAt { get; init; }

    /// <summary>When the user started the flow (<c>connectAlpaca</c>): the connect-duration metric measures from here.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset ExpiresAt { get; init; }
}
