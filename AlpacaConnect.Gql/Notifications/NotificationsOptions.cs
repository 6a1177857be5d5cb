using System.ComponentModel.DataAnnotations;

namespace AlpacaConnect.Gql.Notifications;

/// <summary>Background delivery (configuration section <c>Notifications</c>); each channel has its own subsection.</summary>
internal sealed class NotificationsOptions
{
    public const string Section = "Notifications";

    /// <summary>
    /// How long a partial fill's push waits for the order's next fill: a later fill of the same order within the window
    /// replaces it, so an order that fills in twenty pieces buzzes the phone once or twice, not twenty times.
    /// Webhooks are never coalesced.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan PartialFillWindow { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long an instance owns a row it is sending. An instance that dies mid-send leaves its claim, which another
    /// takes over after this long and sends again with the same dedup id. Longer than any sender's timeout.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:30:00")]
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How often the dispatcher looks for due rows when nothing woke it (retries, other instances' rows).</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:01:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long the dispatcher waits after an event woke it before it claims, so the events of a burst share one claim:
    /// every order event wakes it, most have nothing to send (no device, no webhook), and each claim is a database
    /// round trip. Adds at most this much to a notification's delivery.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:01")]
    public TimeSpan WakeCoalescing { get; set; } = TimeSpan.FromMilliseconds(25);

    /// <summary>Rows one instance claims at a time.</summary>
    [Range(1, 1000)]
    public int BatchSize { get; set; } = 100;

    /// <summary>Sends one instance has in flight at once, over all channels.</summary>
    [Range(1, 256)]
    public int MaxConcurrentSends { get; set; } = 16;

    /// <summary>Devices one user keeps; registering one more replaces the one registered longest ago.</summary>
    [Range(1, 100)]
    public int MaxDevicesPerUser { get; set; } = 10;

    /// <summary>What a lock screen shows.</summary>
    public NotificationTexts Texts { get; set; } = new();
}

/// <summary>
/// The notification texts. <c>{symbol}</c>, <c>{side}</c>, <c>{qty}</c> and <c>{price}</c> are filled in only for a
/// device whose user chose to show details; otherwise the body is <see cref="PrivateBody"/>.
/// </summary>
internal sealed class NotificationTexts
{
    [Required]
    public string Filled { get; set; } = "Order filled";

    [Required]
    public string PartiallyFilled { get; set; } = "Order partly filled";

    [Required]
    public string Canceled { get; set; } = "Order canceled";

    [Required]
    public string Expired { get; set; } = "Order expired";

    [Required]
    public string Rejected { get; set; } = "Order rejected";

    [Required]
    public string ReauthRequired { get; set; } = "Reconnect your Alpaca account";

    [Required]
    public string ReauthRequiredBody { get; set; } = "Your brokerage connection needs you to sign in again.";

    /// <summary>The body for a device that shows no details.</summary>
    [Required]
    public string PrivateBody { get; set; } = "Open the app to see the details.";

    /// <summary>The body for a device that shows details.</summary>
    [Required]
    public string DetailBody { get; set; } = "{side} {qty} {symbol} at {price}";
}
