namespace AlpacaConnect.Gql.Orders;

/// <summary>Published after an <see cref="OrderEvent"/> is saved. Carries ids only: subscribers read the saved state.</summary>
internal sealed record OrderChanged(string UserId, Guid OrderId, long EventId);
