namespace AlpacaConnect.Gql.Alpaca;

/// <summary>
/// Which stored connection a call runs for. The environment picks the upstream host; it is the one recorded
/// when the connection was made, never a value a client sends.
/// </summary>
internal readonly record struct AlpacaConnectionRef(Guid ConnectionId, AlpacaEnvironment Environment);
