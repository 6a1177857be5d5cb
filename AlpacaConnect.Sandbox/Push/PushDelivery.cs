namespace AlpacaConnect.Sandbox.Push;

/// <summary>
/// One notification a fake provider accepted for a device: <see cref="Id"/> is the id a phone deduplicates on (APNs'
/// <c>apns-id</c>, <c>data.notificationId</c> for FCM and Expo), <see cref="CollapseKey"/> the one it replaces on.
/// </summary>
public sealed record PushDelivery(
    string Provider,
    string Token,
    string Id,
    string? CollapseKey,
    string Title,
    string Body,
    IReadOnlyDictionary<string, string> Data,
    DateTimeOffset ReceivedAt,
    string Protocol);
