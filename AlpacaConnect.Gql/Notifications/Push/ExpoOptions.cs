using System.ComponentModel.DataAnnotations;

namespace AlpacaConnect.Gql.Notifications.Push;

/// <summary>
/// Expo's push service (configuration section <c>Notifications:Expo</c>). Expo needs no credential unless the project
/// turned on enhanced push security, so the channel is switched on explicitly with <see cref="Enabled"/>.
/// </summary>
internal sealed class ExpoOptions
{
    public const string Section = "Notifications:Expo";

    public bool Enabled { get; set; }

    [Required]
    public Uri BaseAddress { get; set; } = new("https://exp.host");

    /// <summary>SECRET, optional: the Expo access token for enhanced push security (sent as a bearer token). Never logged.</summary>
    public string? AccessToken { get; set; }

    /// <summary>How long after sending a ticket's receipt is read; Expo says about 15 minutes and clears receipts after 24 hours.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "23:00:00")]
    public TimeSpan ReceiptDelay { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often the receipt checker looks for tickets old enough to check.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "01:00:00")]
    public TimeSpan ReceiptPollInterval { get; set; } = TimeSpan.FromMinutes(1);

    [Range(typeof(TimeSpan), "00:00:01", "00:01:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(15);

    public PushRetryOptions Retry { get; set; } = new();

    public bool IsConfigured => Enabled;
}
