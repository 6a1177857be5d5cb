using AlpacaConnect.Gql.Persistence;

namespace AlpacaConnect.Gql.Connections;

/// <summary>
/// Something that writes rows of its own in the transaction that marks a connection as needing re-authorisation (the
/// notification outbox), so the user hears of it exactly when the change commits.
/// </summary>
internal interface IConnectionEventEnlistment
{
    Task EnlistReauthRequiredAsync(AppDbContext db, string userId, Guid connectionId, CancellationToken cancellationToken);
}
