namespace AlpacaConnect.Gql.Notifications.Webhooks;

/// <summary>
/// Standard Webhooks to the operator's backend (configuration section <c>Notifications:Webhooks</c>). Off unless
/// <see cref="Url"/> and <see cref="Secrets"/> are both set; half a configuration stops the app at start.
/// </summary>
internal sealed class WebhookOptions
{
    public const string Section = "Notifications:Webhooks";

    /// <summary>
    /// The absolute URL every event is POSTed to; https outside Development. Operator configuration, never user input,
    /// so it is trusted as far as SSRF goes (decision 0040).
    /// </summary>
    public string? Url { get; set; }

    /// <summary>
    /// Signing secrets, <c>whsec_</c> + base64 of 24 to 64 random bytes (user-secrets or environment, never
    /// appsettings). One normally; two during a rotation, and every request then carries one signature per secret.
    /// </summary>
    public List<string> Secrets { get; set; } = [];

    /// <summary>How long one attempt may take before it counts as failed (the spec says 15 to 30 seconds).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// When each attempt is made: entry 0 is the first attempt (immediately, so it must be zero), entry n the wait
    /// after the nth failure; after the last entry the row is dead (dead-letter, redeliverable by an operator).
    /// Unset means <see cref="DefaultRetrySchedule"/>, the spec's example (about 75.5 hours in all).
    /// </summary>
    // Nullable rather than initialised: the configuration binder appends to an initialised list instead of replacing it.
    public List<TimeSpan>? RetrySchedule { get; set; }

    public static readonly IReadOnlyList<TimeSpan> DefaultRetrySchedule =
    [
        TimeSpan.Zero, TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2),
        TimeSpan.FromHours(5), TimeSpan.FromHours(10), TimeSpan.FromHours(14), TimeSpan.FromHours(20), TimeSpan.FromHours(24),
    ];

    public IReadOnlyList<TimeSpan> Schedule => RetrySchedule is { Count: > 0 } schedule ? schedule : DefaultRetrySchedule;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Url) && Secrets.Count > 0;
}
