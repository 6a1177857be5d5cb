using AlpacaConnect.Gql.Alpaca;

namespace AlpacaConnect.Gql.Connections;

/// <summary>
/// One started connect flow. Only the SHA-256 of the 256-bit state travels to storage, so a database
/// reader cannot complete anyone's flow; the row is deleted when the callback consumes it.
/// </summary>
internal sealed class OAuthState
{
    public required string StateHash { get; init; }

    public required string UserId { get; init; }

    public AlpacaEnvironment Environment { get; init; }

    public required string ReturnTo { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset ExpiresAt { get; init; }
}
