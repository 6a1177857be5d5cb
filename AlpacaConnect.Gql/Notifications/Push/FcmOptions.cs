using System.ComponentModel.DataAnnotations;

namespace AlpacaConnect.Gql.Notifications.Push;

/// <summary>
/// Firebase Cloud Messaging HTTP v1 (configuration section <c>Notifications:Fcm</c>). The channel is on when
/// <see cref="ProjectId"/> and <see cref="ServiceAccountJson"/> are set.
/// </summary>
internal sealed class FcmOptions
{
    public const string Section = "Notifications:Fcm";

    /// <summary>The Firebase project id (or number) in <c>projects/{id}/messages:send</c>.</summary>
    [RegularExpression("^[a-z0-9][a-z0-9-]{0,62}$")]
    public string? ProjectId { get; set; }

    /// <summary>
    /// SECRET: the service account's JSON key file, as text. User-secrets or the environment
    /// (<c>Notifications__Fcm__ServiceAccountJson</c>), never a committed file; never logged. Its <c>token_uri</c> is
    /// where OAuth tokens are fetched (Google's, or the sandbox's fake).
    /// </summary>
    public string? ServiceAccountJson { get; set; }

    [Required]
    public Uri BaseAddress { get; set; } = new("https://fcm.googleapis.com");

    [Range(typeof(TimeSpan), "00:00:01", "00:01:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(15);

    public PushRetryOptions Retry { get; set; } = new();

    public bool IsConfigured => !string.IsNullOrEmpty(ProjectId) && !string.IsNullOrEmpty(ServiceAccountJson);
}
