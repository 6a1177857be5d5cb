using System.ComponentModel.DataAnnotations;

namespace AlpacaConnect.Gql.Notifications.Push;

/// <summary>
/// Apple Push Notification service, token-based (configuration section <c>Notifications:Apns</c>). The channel is on
/// when <see cref="KeyId"/>, <see cref="TeamId"/>, <see cref="Topic"/> and <see cref="PrivateKey"/> are all set.
/// </summary>
internal sealed class ApnsOptions
{
    public const string Section = "Notifications:Apns";

    /// <summary>The 10-character Key ID of the <c>.p8</c> signing key (the JWT's <c>kid</c>).</summary>
    [StringLength(10, MinimumLength = 10)]
    public string? KeyId { get; set; }

    /// <summary>The 10-character Team ID (the JWT's <c>iss</c>).</summary>
    [StringLength(10, MinimumLength = 10)]
    public string? TeamId { get; set; }

    /// <summary>The app's bundle ID, sent as <c>apns-topic</c>.</summary>
    [StringLength(255, MinimumLength = 1)]
    public string? Topic { get; set; }

    /// <summary>
    /// SECRET: the <c>.p8</c> key's PEM text (<c>-----BEGIN PRIVATE KEY-----</c>). Set it with user-secrets or the
    /// environment (<c>Notifications__Apns__PrivateKey</c>), never in a committed file; it is never logged.
    /// </summary>
    public string? PrivateKey { get; set; }

    /// <summary>The host for tokens of development builds (<c>sandbox</c>); port 2197 works too (facts 1.1).</summary>
    [Required]
    public Uri SandboxBaseAddress { get; set; } = new("https://api.sandbox.push.apple.com");

    /// <summary>The host for tokens of App Store and TestFlight builds (<c>production</c>).</summary>
    [Required]
    public Uri ProductionBaseAddress { get; set; } = new("https://api.push.apple.com");

    /// <summary>
    /// How long APNs keeps trying an undelivered notification (<c>apns-expiration</c>); after that an order fill is old
    /// news. Zero sends <c>0</c>: try once, don't store.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "30.00:00:00")]
    public TimeSpan Expiration { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// How long a provider JWT is used before a new one is minted: Apple refuses one older than an hour and more than
    /// one new token per 20 minutes (facts 1.3), and asks for as close to an hour as possible.
    /// </summary>
    [Range(typeof(TimeSpan), "00:20:00", "00:55:00")]
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(50);

    /// <summary>One attempt's timeout.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:01:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(15);

    public PushRetryOptions Retry { get; set; } = new();

    public bool IsConfigured =>
        !string.IsNullOrEmpty(KeyId) && !string.IsNullOrEmpty(TeamId) && !string.IsNullOrEmpty(Topic) && !string.IsNullOrEmpty(PrivateKey);

    public Uri BaseAddressFor(string? environment) =>
        string.Equals(environment, "sandbox", StringComparison.OrdinalIgnoreCase) ? SandboxBaseAddress : ProductionBaseAddress;
}
