using AlpacaConnect.Gql.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace AlpacaConnect.Gql.Operators;

/// <summary>
/// Operator tokens signed by this server: <c>POST /dev/operator-token</c> in Development, and tests. Production
/// operators get theirs from the identity provider or whoever holds <c>Operator:SigningKey</c>.
/// </summary>
internal sealed class OperatorTokens(DevTokenIssuer issuer, SigningKeyProvider keys, IOptions<OperatorOptions> options, IHostEnvironment environment)
{
    public DevToken Issue(string operatorId) =>
        issuer.IssueFor(
            options.Value.AudienceIn(environment) ?? throw new InvalidOperationException("The operator API is closed (Operator:Audience)."),
            OperatorAuthentication.SigningKeyOf(options.Value) ?? keys.Key,
            operatorId);

    public static void MapDevelopmentEndpoint(WebApplication app)
    {
        if (app.Environment.IsDevelopment())
        {
            app.MapPost("/dev/operator-token", (DevTokenRequest? request, OperatorTokens tokens) =>
                    request?.User is { Length: > 0 and <= 64 } user ? (Results<Ok<DevToken>, BadRequest>)TypedResults.Ok(tokens.Issue(user)) : TypedResults.BadRequest())
                .WithDisplayName("Development operator token");
        }
    }
}
