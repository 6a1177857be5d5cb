namespace AlpacaConnect.Gql.Connections;

/// <summary>Published whenever a user's connection changes status (linked, repaired, reauth required, disconnected).</summary>
internal sealed record AlpacaConnectionChanged(string UserId, Guid ConnectionId, ConnectionStatus Status);
