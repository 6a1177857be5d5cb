namespace AlpacaConnect.Gql.Notifications;

/// <summary>
/// One notification to send: to one device, or to the operator's webhook endpoint. Written in the transaction that
/// records the event it announces, so an event is never without its notifications and none is sent for an event that
/// was rolled back; sent by the <c>OutboxDispatcher</c>.
/// </summary>
internal sealed class OutboxMessage
{
    public long Id { get; init; }

    public required string UserId { get; init; }

    public NotificationChannel Channel { get; init; }

    /// <summary>The device (push channels); null for a webhook.</summary>
    public Guid? DeviceId { get; init; }

    /// <summary>
    /// The id the receiver deduplicates on, the same on every attempt: APNs' <c>apns-id</c> (a UUID), the
    /// <c>webhook-id</c>, and in FCM and Expo data the <c>notificationId</c>. Unique.
    /// </summary>
    public required string DedupId { get; init; }

    /// <summary>Notifications with the same key replace one another on the device (<c>apns-collapse-id</c>, FCM <c>collapseKey</c>, Expo <c>collapseId</c>).</summary>
    public string? CollapseKey { get; init; }

    /// <summary>Dot-separated event type (<c>order.filled</c>, <c>connection.reauth_required</c>, ...).</summary>
    public required string EventType { get; init; }

    /// <summary>The order the event is about, so a later event of the same order can coalesce a pending partial fill.</summary>
    public Guid? OrderId { get; init; }

    /// <summary>The announced event's place in its user's log (<c>orderEvents</c>); null for a connection event.</summary>
    public long? EventSequence { get; init; }

    /// <summary>
    /// What is sent, as JSON: for push a <see cref="PushContent"/>, for a webhook the exact body bytes (retries send the
    /// same bytes, only the timestamp and signature change).
    /// </summary>
    public required string Payload { get; init; }

    public OutboxState State { get; set; }

    /// <summary>Sends tried so far (failed ones and the one that succeeded).</summary>
    public int Attempts { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Not sent before this time: a backoff, a provider's <c>Retry-After</c>, or a partial fill's coalescing window.</summary>
    public DateTimeOffset NextAttemptAt { get; set; }

    /// <summary>The instance sending the row, so on several instances each row is sent by one.</summary>
    public string? ClaimedBy { get; set; }

    /// <summary>Until when the claim holds; an instance that died mid-send leaves a claim that others take over after it.</summary>
    public DateTimeOffset? ClaimedUntil { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    /// <summary>The instance that sent it (machine name and a per-process suffix), for following a row across instances.</summary>
    public string? SentBy { get; set; }

    /// <summary>What the provider answered with: APNs' <c>apns-id</c>, FCM's message name, Expo's ticket (receipt) id.</summary>
    public string? ProviderId { get; set; }

    /// <summary>When the Expo receipt for <see cref="ProviderId"/> was read.</summary>
    public DateTimeOffset? ReceiptCheckedAt { get; set; }

    /// <summary>The last failure's reason (a provider's reason code, never a token or a payload).</summary>
    public string? LastError { get; set; }
}

internal enum OutboxState
{
    /// <summary>Waiting to be sent, or to be sent again.</summary>
    Pending,
    Sent,
    /// <summary>A later notification of the same order replaced it before it was sent (partial fills within the window).</summary>
    Coalesced,
    /// <summary>Not sent and never will be: its device was removed, or the channel is not configured.</summary>
    Dropped,
    /// <summary>Gave up: refused for good, or out of retries. A webhook can be redelivered on request.</summary>
    Dead,
}
