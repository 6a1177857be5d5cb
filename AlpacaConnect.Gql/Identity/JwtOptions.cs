using System.ComponentModel.DataAnnotations;

namespace AlpacaConnect.Gql.Identity;

/// <summary>
/// How app users are authenticated (configuration section <c>Jwt</c>): bearer JWTs issued by the
/// app's identity provider. Give either <see cref="Authority"/> (OpenID Connect discovery) or
/// <see cref="SigningKey"/> (symmetric HS256). In Development, with neither, a random key is made at
/// start-up and <c>POST /dev/token</c> issues tokens signed with it.
/// </summary>
internal sealed class JwtOptions
{
    public const string Section = "Jwt";

    /// <summary>Expected <c>iss</c> claim.</summary>
    [Required]
    public string Issuer { get; set; } = "alpaca-connect-dev";

    /// <summary>Expected <c>aud</c> claim.</summary>
    [Required]
    public string Audience { get; set; } = "alpaca-connect";

    /// <summary>OpenID Connect authority whose signing keys are trusted (production identity providers).</summary>
    public string? Authority { get; set; }

    /// <summary>Symmetric signing key, at least 32 bytes of UTF-8. A secret: set it through the environment or user-secrets.</summary>
    [MinLength(32)]
    public string? SigningKey { get; set; }

    /// <summary>Life of tokens issued by <c>POST /dev/token</c> (Development only).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan DevTokenLifetime { get; set; } = TimeSpan.FromHours(8);
}
