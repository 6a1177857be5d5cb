using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AlpacaConnect.Gql.Identity;

/// <summary><c>POST /dev/token</c>: a JWT for a named test user. Mapped only in Development.</summary>
internal static partial class DevTokenEndpoints
{
    public static IEndpointRouteBuilder MapDevTokens(this WebApplication app)
    {
        if (app.Environment.IsDevelopment())
        {
            app.MapPost("/dev/token", Issue).WithDisplayName("Development token");
        }

        return app;
    }

    private static Results<Ok<DevToken>, ValidationProblem> Issue(DevTokenRequest? request, DevTokenIssuer issuer)
    {
        var user = request?.User ?? "dev-user";
        if (!UserIdPattern().IsMatch(user))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["user"] = ["1 to 64 characters: letters, digits, '.', '_', '-' or '@'."],
            });
        }

        return TypedResults.Ok(issuer.Issue(user, request?.Name));
    }

    [GeneratedRegex("^[A-Za-z0-9._@-]{1,64}$")]
    private static partial Regex UserIdPattern();
}

/// <summary>Body of <c>POST /dev/token</c>; both fields optional.</summary>
internal sealed record DevTokenRequest(string? User, string? Name);
