namespace AlpacaConnect.Gql.Streaming;

/// <summary>
/// The stream supervisor's log entries, in one place so their event ids stay unique. Every part of the supervisor logs
/// under the <see cref="TradeUpdatesSupervisor"/> category: an operator follows one category for an account's story.
/// </summary>
internal static partial class StreamingLog
{
    [LoggerMessage(EventId = 3200, Level = LogLevel.Information, Message = "trade_updates stream of connection {ConnectionId} is open")]
    public static partial void StreamOpened(ILogger logger, Guid connectionId);

    [LoggerMessage(EventId = 3201, Level = LogLevel.Information, Message = "trade_updates stream of connection {ConnectionId} closed; reconnecting")]
    public static partial void StreamClosed(ILogger logger, Guid connectionId);

    [LoggerMessage(EventId = 3202, Level = LogLevel.Information, Message = "trade_updates stream of connection {ConnectionId} is no longer needed (no open orders, no subscribers); closed")]
    public static partial void StreamIdle(ILogger logger, Guid connectionId);

    [LoggerMessage(EventId = 3203, Level = LogLevel.Warning, Message = "trade_updates stream of connection {ConnectionId} was refused; the connection needs reauthorization")]
    public static partial void StreamUnauthorized(ILogger logger, Guid connectionId);

    [LoggerMessage(EventId = 3204, Level = LogLevel.Warning, Message = "trade_updates stream of connection {ConnectionId} failed (attempt {Attempt}); polling until it reconnects")]
    public static partial void StreamFailed(ILogger logger, Guid connectionId, int attempt, Exception exception);

    [LoggerMessage(EventId = 3205, Level = LogLevel.Warning, Message = "Reconciling the orders of connection {ConnectionId} failed; retried at the next poll or reconnect")]
    public static partial void ReconcileFailed(ILogger logger, Guid connectionId, Exception exception);

    [LoggerMessage(EventId = 3206, Level = LogLevel.Warning, Message = "A trade update of connection {ConnectionId} could not be recorded; reconciling instead")]
    public static partial void ApplyFailed(ILogger logger, Guid connectionId, Exception exception);

    [LoggerMessage(EventId = 3207, Level = LogLevel.Error, Message = "The stream worker of connection {ConnectionId} failed")]
    public static partial void WorkerFailed(ILogger logger, Guid connectionId, Exception exception);

    [LoggerMessage(EventId = 3208, Level = LogLevel.Warning, Message = "Could not look up a subscriber's connection to watch")]
    public static partial void WatchFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 3209, Level = LogLevel.Warning, Message = "Another instance took over the trade_updates stream of connection {ConnectionId}; closed here")]
    public static partial void LeaseLost(ILogger logger, Guid connectionId);

    [LoggerMessage(EventId = 3210, Level = LogLevel.Warning, Message = "Could not release the stream lease of connection {ConnectionId}; it expires on its own")]
    public static partial void ReleaseFailed(ILogger logger, Guid connectionId, Exception exception);

    [LoggerMessage(EventId = 3211, Level = LogLevel.Warning, Message = "Rescanning for accounts whose stream has no worker failed; tried again at the next rescan")]
    public static partial void RescanFailed(ILogger logger, Exception exception);
}
