namespace AlpacaConnect.Gql.Notifications;

/// <summary>
/// Sends one outbox row over one channel (APNs, FCM, Expo, webhook). It makes one attempt and says how it went; the
/// dispatcher keeps the state, the retries and the claims, so a sender holds no state about a row.
/// </summary>
internal interface INotificationSender
{
    NotificationChannel Channel { get; }

    /// <summary>Whether this deployment configured the channel; rows of an unconfigured channel are dropped.</summary>
    bool IsConfigured { get; }

    Task<SendOutcome> SendAsync(OutgoingNotification notification, CancellationToken cancellationToken);

    /// <summary>How long to wait after the <paramref name="failedAttempts"/>th failed attempt; null to give up (dead).</summary>
    TimeSpan? RetryDelay(int failedAttempts);
}

/// <summary>One row as a sender sees it; the device token (push) or nothing (webhook) is resolved by the dispatcher.</summary>
internal sealed record OutgoingNotification(
    long Id,
    string DedupId,
    string? CollapseKey,
    string EventType,
    string Payload,
    int Attempt,
    DateTimeOffset CreatedAt,
    PushTarget? Device);

/// <summary>A device's token and, for APNs, its environment (<c>sandbox</c> or <c>production</c>).</summary>
internal sealed record PushTarget(Guid DeviceId, string Token, string? Environment, DateTimeOffset RegisteredAt);

/// <summary>How one attempt went.</summary>
internal abstract record SendOutcome
{
    /// <summary>The provider took it; <paramref name="ProviderId"/> is its id for it (an Expo ticket's receipt id).</summary>
    public sealed record Delivered(string? ProviderId) : SendOutcome;

    /// <summary>Try again later: after <paramref name="RetryAfter"/> when the provider said, else the sender's backoff.</summary>
    public sealed record Retry(string Reason, TimeSpan? RetryAfter = null) : SendOutcome;

    /// <summary>
    /// The provider says the device token is dead: the device is removed and its pending rows dropped, unless it was
    /// registered again after <paramref name="InvalidSince"/> (APNs' 410 timestamp, facts 1.5).
    /// </summary>
    public sealed record TokenDead(string Reason, DateTimeOffset? InvalidSince = null) : SendOutcome;

    /// <summary>Refused for good (a configuration error, a payload the provider will never take): dead, not retried.</summary>
    public sealed record Failed(string Reason) : SendOutcome;
}
