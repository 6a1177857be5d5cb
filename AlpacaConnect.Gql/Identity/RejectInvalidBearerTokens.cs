using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace AlpacaConnect.Gql.Identity;

/// <summary>
/// A request that presents a bearer token which fails validation gets 401, not anonymous treatment:
/// a client with an expired or forged token must learn so instead of silently seeing public data. Endpoints marked
/// <see cref="SeparateAuthentication"/> (the operator API) take tokens of another audience and judge them themselves.
/// </summary>
internal static class RejectInvalidBearerTokens
{
    public static async Task InvokeAsync(HttpContext context, Func<Task> next)
    {
        if (context.Request.Headers.Authorization.Count > 0 && context.GetEndpoint()?.Metadata.GetMetadata<SeparateAuthentication>() is null)
        {
            var result = await context.AuthenticateAsync(JwtBearerDefaults.AuthenticationScheme);
            if (result.Failure is not null || (!result.Succeeded && HasBearer(context)))
            {
                await context.ChallengeAsync(JwtBearerDefaults.AuthenticationScheme);
                return;
            }
        }

        await next();
    }

    private static bool HasBearer(HttpContext context) =>
        context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);
}
