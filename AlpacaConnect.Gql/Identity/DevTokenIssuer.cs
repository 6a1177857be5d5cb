using System.Security.Claims;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace AlpacaConnect.Gql.Identity;

/// <summary>Issues app-user JWTs signed with the server's own key (Development and tests only).</summary>
internal sealed class DevTokenIssuer(IOptions<JwtOptions> options, SigningKeyProvider keys, TimeProvider time)
{
    public DevToken Issue(string userId, string? name = null, TimeSpan? lifetime = null) =>
        IssueFor(options.Value.Audience, keys.Key, userId, name, lifetime);

    /// <summary>A token for another audience of this server (the operator API's), signed with <paramref name="signingKey"/>.</summary>
    internal DevToken IssueFor(string audience, SecurityKey? signingKey, string userId, string? name = null, TimeSpan? lifetime = null)
    {
        var key = signingKey ?? throw new InvalidOperationException("No signing key: dev tokens need Jwt:SigningKey or Development.");
        var jwt = options.Value;
        var now = time.GetUtcNow();
        var expires = now + (lifetime ?? jwt.DevTokenLifetime);
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = jwt.Issuer,
            Audience = audience,
            Subject = new ClaimsIdentity([new Claim("sub", userId), new Claim("name", name ?? userId)]),
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        });
        return new DevToken(token, "Bearer", expires, userId);
    }
}

/// <summary>The answer of <c>POST /dev/token</c>.</summary>
internal sealed record DevToken(string AccessToken, string TokenType, DateTimeOffset ExpiresAt, string UserId);
