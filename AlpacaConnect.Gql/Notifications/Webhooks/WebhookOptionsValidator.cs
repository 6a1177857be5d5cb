using Microsoft.Extensions.Options;

namespace AlpacaConnect.Gql.Notifications.Webhooks;

/// <summary>
/// Checks the webhook settings at start. Messages name the setting at fault and never echo a secret's value: they end
/// up in logs and crash reports.
/// </summary>
internal sealed class WebhookOptionsValidator(IHostEnvironment environment) : IValidateOptions<WebhookOptions>
{
    /// <summary>Two during a rotation; a third would mean a rotation nobody finished.</summary>
    public const int MaxSecrets = 2;

    private static readonly TimeSpan MinTimeout = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan MaxTimeout = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan MaxDelay = TimeSpan.FromDays(7);

    public ValidateOptionsResult Validate(string? name, WebhookOptions options)
    {
        var failures = new List<string>();
        var hasUrl = !string.IsNullOrWhiteSpace(options.Url);
        if (hasUrl != options.Secrets.Count > 0)
        {
            failures.Add($"{WebhookOptions.Section}:Url and {WebhookOptions.Section}:Secrets must be set together (or neither, to send no webhooks).");
        }

        if (hasUrl && UrlProblem(options.Url!) is { } urlProblem)
        {
            failures.Add(urlProblem);
        }

        if (options.Secrets.Count > MaxSecrets)
        {
            failures.Add($"{WebhookOptions.Section}:Secrets holds {options.Secrets.Count} secrets; at most {MaxSecrets} (the old and the new one during a rotation).");
        }

        for (var i = 0; i < options.Secrets.Count; i++)
        {
            if (WebhookSecret.Problem(options.Secrets[i]) is { } secretProblem)
            {
                failures.Add($"{WebhookOptions.Section}:Secrets:{i} {secretProblem}");
            }
        }

        if (options.Timeout < MinTimeout || options.Timeout > MaxTimeout)
        {
            failures.Add($"{WebhookOptions.Section}:Timeout must be between {MinTimeout} and {MaxTimeout} (the spec recommends 15 to 30 seconds).");
        }

        if (options.RetrySchedule is { Count: > 0 } schedule)
        {
            if (schedule[0] != TimeSpan.Zero)
            {
                failures.Add($"{WebhookOptions.Section}:RetrySchedule:0 is the first attempt and must be 00:00:00.");
            }

            if (schedule.Any(d => d < TimeSpan.Zero || d > MaxDelay))
            {
                failures.Add($"{WebhookOptions.Section}:RetrySchedule entries must be between 00:00:00 and {MaxDelay}.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private string? UrlProblem(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            return $"{WebhookOptions.Section}:Url must be an absolute http(s) URL.";
        }

        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            return $"{WebhookOptions.Section}:Url must not carry credentials; the signature authenticates the request.";
        }

        return uri.Scheme != Uri.UriSchemeHttps && !environment.IsDevelopment()
            ? $"{WebhookOptions.Section}:Url must use https outside Development: the payload and its signature would travel in clear text."
            : null;
    }
}
