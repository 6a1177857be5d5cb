using System.Security.Claims;

namespace AlpacaConnect.Gql.Identity;

/// <summary>The app user behind a request: the JWT's <c>sub</c> is the stable id every feature keys data by.</summary>
internal static class AppUser
{
    public const string SubjectClaim = "sub";

    public static string? IdOf(ClaimsPrincipal? principal) =>
        principal?.Identity?.IsAuthenticated == true ? principal.FindFirst(SubjectClaim)?.Value : null;
}
