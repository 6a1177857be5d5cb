using AlpacaConnect.Sandbox.OAuth;
using AlpacaConnect.Sandbox.Wire;
using Microsoft.Extensions.Options;

namespace AlpacaConnect.Sandbox.Trading;

/// <summary>
/// Every Trading API request: the rate limit (headers on every response), then the bearer token, bound to
/// the environment it was granted for (alpaca-ts#63), then the <c>trading</c> scope for writes
/// (or the endpoint's <see cref="RequiredScope"/>).
/// </summary>
internal sealed class TradingAccessFilter(AccessTokens tokens, RateLimiter rateLimiter, IOptions<SandboxOptions> options) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var token = BearerToken.From(http.Request);
        var grant = tokens.Validate(token);
        var environment = SandboxEnvironments.Of(http) ?? SandboxEnvironment.Paper;
        var account = grant?.Account(environment);
        var key = options.Value.RateLimit.Key == SandboxRateLimitKey.Account && account is not null
            ? "account:" + account.Id
            : "token:" + (token is null ? "none" : TokenFingerprint.Of(token));
        if (!rateLimiter.TryAcquire(key, http.Response))
        {
            return RateLimitExceeded();
        }

        if (grant is null)
        {
            return AlpacaError.RequestNotAuthorized();
        }

        if (account is null)
        {
            return AlpacaError.Result(401, AlpacaError.Unauthorized, "access token is not authorized for this scope");
        }

        var scope = http.GetEndpoint()?.Metadata.GetMetadata<RequiredScope>()?.Scope ?? OAuthScopes.Trading;
        if (!HttpMethods.IsGet(http.Request.Method) && !grant.HasScope(scope))
        {
            return AlpacaError.Result(401, AlpacaError.Unauthorized, "token is not authorized for this scope");
        }

        http.Items[typeof(SandboxCaller)] = new SandboxCaller(grant, account);
        return await next(context);
    }

    public static IResult RateLimitExceeded() =>
        Results.Json(new { message = "rate limit exceeded" }, SandboxJson.Options, statusCode: 429);
}
