using Microsoft.Extensions.Options;

namespace AlpacaConnect.Gql.Identity;

/// <summary>Outside Development the server must know whom to trust; it refuses to start otherwise.</summary>
internal sealed class JwtOptionsValidator(IHostEnvironment environment) : IValidateOptions<JwtOptions>
{
    public ValidateOptionsResult Validate(string? name, JwtOptions options) =>
        environment.IsDevelopment() || !string.IsNullOrEmpty(options.Authority) || !string.IsNullOrEmpty(options.SigningKey)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                "Jwt:Authority or Jwt:SigningKey must be set outside Development (for example through the Jwt__SigningKey environment variable).");
}
