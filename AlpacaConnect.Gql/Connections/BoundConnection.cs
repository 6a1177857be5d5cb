using AlpacaConnect.Gql.Alpaca;

namespace AlpacaConnect.Gql.Connections;

/// <summary>
/// The caller's usable connection and the Alpaca account it points at now. A connection keeps its id when the user
/// links another account, so anything sent for an order is checked against <see cref="AccountId"/>, never the id alone.
/// </summary>
internal sealed record BoundConnection(AlpacaConnectionRef Connection, string? AccountId, string Scopes = "")
{
    /// <summary>Whether Alpaca granted <paramref name="scope"/> (e.g. <c>account:write</c>) to the stored token.</summary>
    public bool HasScope(string scope) => Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(scope, StringComparer.Ordinal);

    public AlpacaEnvironment Environment => Connection.Environment;

    /// <summary>Whether an order sent to <paramref name="accountId"/> in <paramref name="environment"/> belongs to this account.</summary>
    public bool Holds(string? accountId, AlpacaEnvironment environment) =>
        accountId is not null && accountId == AccountId && environment == Environment;
}
