using AlpacaConnect.Sandbox.OAuth;
using AlpacaConnect.Sandbox.Trading;
using AlpacaConnect.Sandbox.Wire;
using Microsoft.Extensions.Options;

namespace AlpacaConnect.Sandbox.MarketData;

/// <summary>The data host accepts a token of either environment; whether it needs the <c>data</c> scope is
/// UNVERIFIED, so configurable (<c>Sandbox:OAuth:DataRequiresDataScope</c>). Its limit is counted apart. Endpoints
/// marked <see cref="PublicData"/> (crypto) need no token at all (MD-SPEC-2026 sets <c>security: []</c> on them).</summary>
internal sealed class DataAccessFilter(AccessTokens tokens, RateLimiter rateLimiter, IOptions<SandboxOptions> options) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var token = BearerToken.From(http.Request);
        if (!rateLimiter.TryAcquire("data:" + (token is null ? "none" : TokenFingerprint.Of(token)), http.Response))
        {
            return TradingAccessFilter.RateLimitExceeded();
        }

        if (http.GetEndpoint()?.Metadata.GetMetadata<PublicData>() is not null)
        {
            return await next(context);
        }

        var grant = tokens.Validate(token);
        if (grant is null)
        {
            return AlpacaError.RequestNotAuthorized();
        }

        if (options.Value.OAuth.DataRequiresDataScope && !grant.HasScope(OAuthScopes.Data))
        {
            return AlpacaError.Result(401, AlpacaError.Unauthorized, "token is not authorized for this scope");
        }

        return await next(context);
    }
}

/// <summary>Marks data endpoints served without authentication.</summary>
internal sealed record PublicData;
