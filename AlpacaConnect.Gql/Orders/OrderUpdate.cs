using AlpacaConnect.Gql.GraphQL.Subscriptions;

namespace AlpacaConnect.Gql.Orders;

/// <summary>What <c>orderUpdated</c> sends: one recorded event and the order as it left it.</summary>
internal sealed record OrderUpdate(OrderEvent Event, Order Order) : ISharedSourceEvent;
