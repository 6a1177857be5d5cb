using System.ComponentModel.DataAnnotations;
using AlpacaConnect.Gql.Alpaca;
using Microsoft.Extensions.Options;

namespace AlpacaConnect.Gql.Sandbox;

/// <summary>Data annotations do not descend into nested sections by themselves; this checks each one, so a
/// bad <c>Sandbox:Market:FillDelay</c> stops the app at start-up naming the setting. Outside Development it also refuses
/// Sandbox mode that was not opted into (an unset mode is <see cref="AlpacaOptionsValidator"/>'s to report).</summary>
internal sealed class SandboxOptionsValidator(IHostEnvironment environment, IConfiguration configuration) : IValidateOptions<SandboxOptions>
{
    public ValidateOptionsResult Validate(string? name, SandboxOptions options)
    {
        var failures = new List<string>();
        var sandboxChosen = Enum.TryParse<AlpacaMode>(configuration[AlpacaOptionsValidator.ModeSetting], ignoreCase: true, out var mode)
            && mode == AlpacaMode.Sandbox;
        if (sandboxChosen && !environment.IsDevelopment() && !options.AllowOutsideDevelopment)
        {
            failures.Add($"{SandboxOptions.Section}:{nameof(SandboxOptions.AllowOutsideDevelopment)} must be true to run {AlpacaOptionsValidator.ModeSetting}=Sandbox outside Development (orders would go to the embedded simulator, not to Alpaca); for real trading set {AlpacaOptionsValidator.ModeSetting}=Alpaca.");
        }

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
