namespace AlpacaConnect.Gql.Notifications.Push;

/// <summary>
/// What every push sender does around its provider call: refuse a row with no device or an unreadable payload, turn
/// a network failure or a timeout into a retry, and log every outcome but a delivery (the reason only, never the token).
/// </summary>
internal static partial class PushSend
{
    public static async Task<SendOutcome> RunAsync(
        string provider, OutgoingNotification notification, ILogger logger,
        Func<PushTarget, PushContent, Task<SendOutcome>> send, CancellationToken cancellationToken)
    {
        if (notification.Device is not { } device)
        {
            return new SendOutcome.Failed("NoDevice");
        }

        if (PushPayloads.Read(notification.Payload) is not { } content)
        {
            return new SendOutcome.Failed("BadPayload");
        }

        SendOutcome outcome;
        try
        {
            outcome = await send(device, content);
        }
        catch (HttpRequestException e)
        {
            outcome = new SendOutcome.Retry($"Network: {e.HttpRequestError}");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            outcome = new SendOutcome.Retry("Timeout");
        }

        if (outcome is not SendOutcome.Delivered)
        {
            LogOutcome(logger, provider, notification.DedupId, outcome.GetType().Name, Reason(outcome));
        }

        return outcome;
    }

    private static string Reason(SendOutcome outcome) => outcome switch
    {
        SendOutcome.Retry r => r.Reason,
        SendOutcome.TokenDead d => d.Reason,
        SendOutcome.Failed f => f.Reason,
        _ => "",
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Provider} push {DedupId}: {Outcome} ({Reason}).")]
    private static partial void LogOutcome(ILogger logger, string provider, string dedupId, string outcome, string reason);
}
