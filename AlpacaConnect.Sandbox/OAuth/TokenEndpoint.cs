using System.Text.Json.Nodes;
using AlpacaConnect.Sandbox.Wire;
using Microsoft.Extensions.Options;

namespace AlpacaConnect.Sandbox.OAuth;

/// <summary><c>POST /oauth/token</c>: form-encoded only, client secret in the body (OAUTH-REF).</summary>
internal static class TokenEndpoint
{
    public static void MapToken(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/oauth/token", ExchangeAsync).DisableAntiforgery();

    private static async Task<IResult> ExchangeAsync(
        HttpRequest http, SandboxOAuthClientRegistry client, AuthorizationCodes codes, AccessTokens tokens, IOptions<SandboxOptions> options)
    {
        // JSON or a missing content type gets invalid_client (Alpaca-API#179); so does a form that cannot be read.
        if (await OAuthForm.TryReadAsync(http) is not { } form)
        {
            return InvalidClient();
        }

        if (!client.Authenticates(form["client_id"].FirstOrDefault(), form["client_secret"].FirstOrDefault()))
        {
            return InvalidClient();
        }

        var oauth = options.Value.OAuth;
        var invalidGrant = AlpacaError.Result(oauth.InvalidGrantStatus, oauth.InvalidGrantCode, "invalid_grant");
        switch (form["grant_type"].FirstOrDefault())
        {
            case "authorization_code":
                var pending = codes.Redeem(form["code"].FirstOrDefault());
                if (pending is null || pending.ClientId != client.ClientId || pending.RedirectUri != form["redirect_uri"].FirstOrDefault())
                {
                    return invalidGrant;
                }

                var scope = OAuthScopes.Format(OAuthScopes.Parse(pending.Scope).Concat(oauth.ExtraGrantedScopes));
                return Answer(tokens.Issue(pending.User, pending.Environment, scope));
            case "refresh_token" when options.Value.Tokens.ExpiresIn is not null:
                var refreshed = tokens.Refresh(form["refresh_token"].FirstOrDefault());
                return refreshed is null ? invalidGrant : Answer(refreshed);
            default:
                return AlpacaError.Result(400, 40010000, "unsupported_grant_type");
        }
    }

    private static IResult InvalidClient() => AlpacaError.Result(401, AlpacaError.Unauthorized, "invalid_client");

    private static NoStoreResult Answer(IssuedToken issued)
    {
        var body = new JsonObject
        {
            ["access_token"] = issued.AccessToken,
            ["token_type"] = "bearer",
            ["scope"] = issued.Scope,
        };
        if (issued.ExpiresIn is { } expiresIn)
        {
            body["expires_in"] = (long)expiresIn.TotalSeconds;
            body["refresh_token"] = issued.RefreshToken;
        }

        return new NoStoreResult(Results.Json(body, SandboxJson.Options));
    }

    private sealed class NoStoreResult(IResult inner) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.CacheControl = "no-store";
            return inner.ExecuteAsync(httpContext);
        }
    }
}
