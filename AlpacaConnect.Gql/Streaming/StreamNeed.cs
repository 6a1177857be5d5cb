namespace AlpacaConnect.Gql.Streaming;

/// <summary>Whether an account still needs its stream: a subscriber holds it, or it has orders that may still change.</summary>
internal sealed class StreamNeed(StreamDemand demand, ITradeUpdateHandler handler)
{
    public async Task<bool> IsNeededAsync(StreamTarget target, CancellationToken cancellationToken) =>
        demand.IsAttached(target.UserId) || await handler.HasOpenOrdersAsync(target.Connection.ConnectionId, cancellationToken);
}
