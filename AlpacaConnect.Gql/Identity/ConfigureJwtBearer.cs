using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace AlpacaConnect.Gql.Identity;

/// <summary>Binds JWT bearer validation to <see cref="JwtOptions"/> once options and keys are known.</summary>
internal sealed class ConfigureJwtBearer(IOptions<JwtOptions> options, SigningKeyProvider keys, TimeProvider time)
    : IConfigureNamedOptions<JwtBearerOptions>
{
    private static readonly TimeSpan Skew = TimeSpan.FromSeconds(30);

    public void Configure(string? name, JwtBearerOptions bearer)
    {
        var jwt = options.Value;
        bearer.MapInboundClaims = false;
        bearer.TimeProvider = time;
        bearer.Authority = string.IsNullOrEmpty(jwt.Authority) ? null : jwt.Authority;
        bearer.TokenValidationParameters = new TokenValidationParameters
        {
            ValidIssuer = jwt.Issuer,
            ValidAudience = jwt.Audience,
            IssuerSigningKey = keys.Key,
            ValidateIssuerSigningKey = true,
            NameClaimType = "name",
            ClockSkew = Skew,
            // Token lifetimes are judged by the app's clock, like every other expiry.
            LifetimeValidator = (notBefore, expires, _, _) =>
            {
                var now = time.GetUtcNow().UtcDateTime;
                return (notBefore is null || notBefore.Value <= now + Skew) && expires is not null && expires.Value > now - Skew;
            },
        };
    }

    public void Configure(JwtBearerOptions options) => Configure(Options.DefaultName, options);
}
