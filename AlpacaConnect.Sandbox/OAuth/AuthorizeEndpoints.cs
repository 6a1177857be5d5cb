using AlpacaConnect.Sandbox.Accounts;
using Microsoft.AspNetCore.WebUtilities;

namespace AlpacaConnect.Sandbox.OAuth;

/// <summary><c>GET /oauth/authorize</c> shows the consent page; its form posts the decision back.</summary>
internal static class AuthorizeEndpoints
{
    public static void MapAuthorize(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/oauth/authorize", Show);
        endpoints.MapPost("/oauth/authorize", DecideAsync).DisableAntiforgery();
    }

    private static IResult Show(HttpRequest http, SandboxOAuthClientRegistry client, SandboxAccounts accounts)
    {
        var request = AuthorizeRequest.From(name => http.Query[name].FirstOrDefault());
        var problem = request.Problem(client);
        return problem is not null
            ? Html(ConsentPage.Error(problem), 400)
            : Html(ConsentPage.Render(client.AppName, request, accounts.Users), 200);
    }

    private static async Task<IResult> DecideAsync(
        HttpRequest http, SandboxOAuthClientRegistry client, SandboxAccounts accounts, AuthorizationCodes codes)
    {
        if (await OAuthForm.TryReadAsync(http) is not { } form)
        {
            return Html(ConsentPage.Error("The consent form must be posted as a well-formed form."), 400);
        }

        // The hidden fields come back from the browser, so they are validated again, not trusted.
        var request = AuthorizeRequest.From(name => form[name].FirstOrDefault());
        var problem = request.Problem(client);
        if (problem is not null)
        {
            return Html(ConsentPage.Error(problem), 400);
        }

        var query = new Dictionary<string, string?>();
        if (form["decision"] == "approve")
        {
            var user = accounts.User(form["user"].ToString());
            if (user is null)
            {
                return Html(ConsentPage.Error("Choose an account."), 400);
            }

            query["code"] = codes.Issue(client.ClientId, request.RedirectUri!, user, request.Environment, request.Scope ?? "");
        }
        else
        {
            // UNVERIFIED at Alpaca: the RFC 6749 shape, which Alpaca's CLI handles (any `error` = denied).
            query["error"] = "access_denied";
            query["error_description"] = "The user denied the authorization request.";
        }

        if (request.State is not null)
        {
            query["state"] = request.State;
        }

        return Results.Redirect(QueryHelpers.AddQueryString(request.RedirectUri!, query));
    }

    private static IResult Html(string html, int status) =>
        Results.Content(html, "text/html; charset=utf-8", System.Text.Encoding.UTF8, status);
}
