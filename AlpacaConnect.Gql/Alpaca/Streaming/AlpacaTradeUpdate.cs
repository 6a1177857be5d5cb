using AlpacaConnect.Gql.Alpaca.Models;

namespace AlpacaConnect.Gql.Alpaca;

/// <summary>
/// One trade_updates message (facts 4): the event name as sent (<c>fill</c>, <c>partial_fill</c>, <c>canceled</c>,
/// ... or one we do not know yet) and the full order after it.
/// </summary>
internal sealed record AlpacaTradeUpdate(string Event, AlpacaOrder Order, DateTimeOffset? Timestamp, Guid? ExecutionId, decimal? Price, decimal? Qty, decimal? PositionQty);
