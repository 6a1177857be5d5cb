using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace AlpacaConnect.Sandbox;

/// <summary>Data annotations do not descend into nested sections by themselves; this checks each one, so a
/// bad <c>Sandbox:Market:FillDelay</c> stops the app at start-up naming the setting.</summary>
internal sealed class SandboxOptionsValidator : IValidateOptions<SandboxOptions>
{
    public ValidateOptionsResult Validate(string? name, SandboxOptions options)
    {
        var failures = new List<string>();
        foreach (var (section, value) in new (string, object)[]
        {
            ("OAuth", options.OAuth), ("Tokens", options.Tokens), ("Market", options.Market), ("Orders", options.Orders),
            ("RateLimit", options.RateLimit), ("Stream", options.Stream), ("Assets", options.Assets),
        })
        {
            var results = new List<ValidationResult>();
            if (!Validator.TryValidateObject(value, new ValidationContext(value), results, validateAllProperties: true))
            {
                failures.AddRange(results.Select(r => $"{SandboxOptions.Section}:{section}: {r.ErrorMessage}"));
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
