using System.Text;
using AlpacaConnect.Gql.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace AlpacaConnect.Gql.Operators;

/// <summary>
/// The operator API's own JWT bearer scheme: the app's JWT validation (issuer, lifetime on the app's clock, authority;
/// <see cref="ConfigureJwtBearer"/> configures every scheme) with the operator audience and, when configured, the
/// operator signing key. App users' tokens fail it (wrong audience), and operator tokens fail the app's scheme, so an
/// operator cannot act as an app user either.
/// </summary>
internal static class OperatorAuthentication
{
    public const string Scheme = "Operator";

    /// <summary>The operator's id for the audit: the token's <c>sub</c>.</summary>
    public static string OperatorOf(HttpContext http) => http.User.FindFirst("sub")?.Value ?? throw new InvalidOperationException("Not an operator request.");

    /// <summary>Every operator endpoint: 401 unless the caller presents a valid operator token with a subject.</summary>
    public static async ValueTask<object?> RequireOperatorAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var result = await http.AuthenticateAsync(Scheme);
        if (!result.Succeeded || result.Principal.FindFirst("sub") is null)
        {
            await http.ChallengeAsync(Scheme);
            return Results.Empty;
        }

        http.User = result.Principal;
        return await next(context);
    }

    /// <summary>Sets the operator scheme's audience and key after the app's settings are applied to it.</summary>
    internal sealed class ConfigureScheme(IOptions<OperatorOptions> options, IHostEnvironment environment) : IPostConfigureOptions<JwtBearerOptions>
    {
        public void PostConfigure(string? name, JwtBearerOptions bearer)
        {
            if (name != Scheme)
            {
                return;
            }

            var parameters = bearer.TokenValidationParameters;
            // Closed API: no audience at all, so no token is ever accepted even if the scheme were asked.
            parameters.ValidAudience = options.Value.AudienceIn(environment) ?? $"closed-{Guid.NewGuid():N}";
            if (SigningKeyOf(options.Value) is { } key)
            {
                parameters.IssuerSigningKey = key;
            }
        }
    }

    public static SymmetricSecurityKey? SigningKeyOf(OperatorOptions options) =>
        string.IsNullOrEmpty(options.SigningKey) ? null : new SymmetricSecurityKey(Encoding.UTF8.GetBytes(options.SigningKey));
}
