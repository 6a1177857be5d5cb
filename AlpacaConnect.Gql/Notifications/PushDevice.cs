namespace AlpacaConnect.Gql.Notifications;

/// <summary>
/// A device of an app user that takes push notifications: one row per (platform, token), so a token handed in twice
/// (or by another user after a reinstall) is one device, owned by whoever registered it last.
/// </summary>
internal sealed class PushDevice
{
    public Guid Id { get; init; }

    public required string UserId { get; set; }

    public PushPlatform Platform { get; init; }

    /// <summary>The provider's device token. Not a credential, but it reaches the device: never logged.</summary>
    public required string Token { get; init; }

    /// <summary>
    /// APNs only: <c>sandbox</c> or <c>production</c>. A development build's token is refused by the production host
    /// (facts 1.5), so each token is sent to the host of its own environment.
    /// </summary>
    public string? Environment { get; set; }

    /// <summary>Whether the lock-screen text may name the symbol, quantity and price; off unless the user chose it.</summary>
    public bool ShowDetails { get; set; }

    public DateTimeOffset RegisteredAt { get; set; }
}
