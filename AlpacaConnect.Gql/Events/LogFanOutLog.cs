namespace AlpacaConnect.Gql.Events;

/// <summary>The log messages of <see cref="LogFanOut{TKey, TWake, TItem}"/> and its parts.</summary>
internal static partial class LogFanOutLog
{
    [LoggerMessage(EventId = 3010, Level = LogLevel.Warning, Message = "The event bus stream that wakes log followers failed; they resync on their interval")]
    public static partial void WakeupsFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 3011, Level = LogLevel.Warning, Message = "Reading a log for its subscribers failed; retrying in {Delay}")]
    public static partial void ReadFailed(ILogger logger, TimeSpan delay, Exception exception);
}
