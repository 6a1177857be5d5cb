using AlpacaConnect.Gql.Identity;
using Microsoft.Extensions.Options;

namespace AlpacaConnect.Gql.Operators;

/// <summary>
/// Operator tokens must be told apart from app users' (their own audience) and, outside Development, must not be
/// signed with the app users' key or a key that exists only because Development made one up (decision 0016).
/// </summary>
internal sealed class OperatorOptionsValidator(IOptions<JwtOptions> jwt, IHostEnvironment environment) : IValidateOptions<OperatorOptions>
{
    public ValidateOptionsResult Validate(string? name, OperatorOptions options)
    {
        if (options.AudienceIn(environment) is not { } audience)
        {
            return ValidateOptionsResult.Success;
        }

        JwtOptions app;
        try
        {
            app = jwt.Value;
        }
        catch (OptionsValidationException)
        {
            // The Jwt settings are broken themselves; their own validation says so, once.
            return ValidateOptionsResult.Success;
        }

        if (string.Equals(audience, app.Audience, StringComparison.Ordinal))
        {
            return ValidateOptionsResult.Fail("Operator:Audience must differ from Jwt:Audience: every app user's token would open the operator API.");
        }

        if (!string.IsNullOrEmpty(options.SigningKey) && string.Equals(options.SigningKey, app.SigningKey, StringComparison.Ordinal))
        {
            return ValidateOptionsResult.Fail("Operator:SigningKey must differ from Jwt:SigningKey: whoever issues app users' tokens could issue operators'.");
        }

        return environment.IsDevelopment() || !string.IsNullOrEmpty(options.SigningKey) || !string.IsNullOrEmpty(app.Authority)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                "Operator:SigningKey (or Jwt:Authority) must be set outside Development when Operator:Audience is: operator tokens are never checked with the app users' key.");
    }
}
