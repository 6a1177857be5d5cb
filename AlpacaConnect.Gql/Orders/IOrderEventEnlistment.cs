using AlpacaConnect.Gql.Persistence;

namespace AlpacaConnect.Gql.Orders;

/// <summary>
/// Something that writes rows of its own in the transaction that records an order event (the notification outbox), so
/// they commit or roll back with the event. Called after the event has its sequence number, before the save.
/// </summary>
internal interface IOrderEventEnlistment
{
    Task EnlistAsync(AppDbContext db, Order order, OrderEvent recorded, CancellationToken cancellationToken);
}
