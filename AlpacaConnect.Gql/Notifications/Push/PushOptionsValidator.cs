using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace AlpacaConnect.Gql.Notifications.Push;

/// <summary>
/// What data annotations cannot say: a channel half configured, a key that does not load, and the nested retry
/// settings. Messages name the setting, never its value (the values are secrets).
/// </summary>
internal sealed class PushOptionsValidator : IValidateOptions<ApnsOptions>, IValidateOptions<FcmOptions>, IValidateOptions<ExpoOptions>
{
    public ValidateOptionsResult Validate(string? name, ApnsOptions options)
    {
        var set = new Dictionary<string, bool>
        {
            [nameof(ApnsOptions.KeyId)] = !string.IsNullOrEmpty(options.KeyId),
            [nameof(ApnsOptions.TeamId)] = !string.IsNullOrEmpty(options.TeamId),
            [nameof(ApnsOptions.Topic)] = !string.IsNullOrEmpty(options.Topic),
            [nameof(ApnsOptions.PrivateKey)] = !string.IsNullOrEmpty(options.PrivateKey),
        };
        var failures = Retry(ApnsOptions.Section, options.Retry);
        if (set.Values.Any(v => v) && set.Values.Any(v => !v))
        {
            failures.Add($"{ApnsOptions.Section} is half configured: set {string.Join(", ", set.Where(s => !s.Value).Select(s => $"{ApnsOptions.Section}:{s.Key}"))} too, or none of them.");
        }
        else if (options.IsConfigured)
        {
            try
            {
                ApnsProviderToken.LoadKey(options.PrivateKey!).Dispose();
            }
            catch (InvalidOperationException e)
            {
                failures.Add(e.Message);
            }
        }

        return Result(failures);
    }

    public ValidateOptionsResult Validate(string? name, FcmOptions options)
    {
        var failures = Retry(FcmOptions.Section, options.Retry);
        if (string.IsNullOrEmpty(options.ProjectId) != string.IsNullOrEmpty(options.ServiceAccountJson))
        {
            failures.Add($"{FcmOptions.Section} is half configured: set both {FcmOptions.Section}:{nameof(FcmOptions.ProjectId)} and {FcmOptions.Section}:{nameof(FcmOptions.ServiceAccountJson)}, or neither.");
        }
        else if (options.IsConfigured)
        {
            try
            {
                FcmAccessTokens.Create(options.ServiceAccountJson!);
            }
            catch (InvalidOperationException e)
            {
                failures.Add(e.Message);
            }
        }

        return Result(failures);
    }

    public ValidateOptionsResult Validate(string? name, ExpoOptions options) => Result(Retry(ExpoOptions.Section, options.Retry));

    private static List<string> Retry(string section, PushRetryOptions retry)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(retry, new ValidationContext(retry), results, validateAllProperties: true);
        var failures = results.Select(r => $"{section}:Retry: {r.ErrorMessage}").ToList();
        if (retry.MaxDelay < retry.BaseDelay)
        {
            failures.Add($"{section}:Retry:MaxDelay must not be shorter than {section}:Retry:BaseDelay.");
        }

        return failures;
    }

    private static ValidateOptionsResult Result(List<string> failures) =>
        failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
}
