using AlpacaConnect.Gql.Alpaca;
using AlpacaConnect.Gql.Alpaca.Models;

namespace AlpacaConnect.Gql.Connections;

/// <summary>What the app may know about a user's connection. Tokens are deliberately absent.</summary>
internal sealed record AlpacaConnectionView(
    Guid? Id,
    ConnectionStatus Status,
    AlpacaEnvironment? Environment,
    string? AccountNumber,
    AlpacaAccountStatus? AccountStatus,
    IReadOnlyList<string> Scopes,
    DateTimeOffset? ConnectedAt,
    DateTimeOffset? LastSyncedAt,
    Uri SignUpUrl)
{
    public static AlpacaConnectionView From(AlpacaConnection? connection, Uri signUpUrl) =>
        connection is null || connection.Status == ConnectionStatus.NotConnected
            ? new(connection?.Id, ConnectionStatus.NotConnected, null, null, null, [], null, null, signUpUrl)
            : new(
                connection.Id,
                connection.Status,
                connection.Environment,
                connection.AccountNumber,
                Enum.TryParse<AlpacaAccountStatus>(connection.AccountStatus, out var status) ? status : AlpacaAccountStatus.Unknown,
                connection.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries),
                connection.ConnectedAt,
                connection.LastSyncedAt,
                signUpUrl);
}
