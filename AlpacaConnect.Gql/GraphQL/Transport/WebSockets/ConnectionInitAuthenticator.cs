using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace AlpacaConnect.Gql.GraphQL.Transport.WebSockets;

/// <summary>The identity a socket runs its operations as, and when it stops being valid.</summary>
internal sealed record SocketIdentity(ClaimsPrincipal User, DateTimeOffset? ExpiresAt)
{
    public static SocketIdentity Anonymous { get; } = new(new ClaimsPrincipal(new ClaimsIdentity()), null);
}

/// <summary>
/// Authenticates a socket from its <c>connection_init</c> payload (browsers cannot set headers on a
/// WebSocket handshake): <c>{"authorization":"Bearer &lt;jwt&gt;"}</c> or <c>{"token":"&lt;jwt&gt;"}</c>. The JWT
/// is checked exactly as an HTTP bearer token is, with the app's configured <see cref="JwtBearerOptions"/>.
/// No token means anonymous; a token that fails validation means no connection at all.
/// </summary>
internal sealed class ConnectionInitAuthenticator(IOptionsMonitor<JwtBearerOptions> bearerOptions)
{
    /// <summary>The identity, or null when a token was presented and is not valid.</summary>
    public async Task<SocketIdentity?> AuthenticateAsync(JsonElement? payload, CancellationToken cancellationToken)
    {
        var (present, token) = TokenOf(payload);
        if (!present)
        {
            return SocketIdentity.Anonymous;
        }

        if (string.IsNullOrWhiteSpace(token))
        {
            return null;
        }

        var bearer = bearerOptions.Get(JwtBearerDefaults.AuthenticationScheme);
        var parameters = await ParametersAsync(bearer, cancellationToken);
        foreach (var handler in bearer.TokenHandlers)
        {
            var result = await handler.ValidateTokenAsync(token, parameters);
            if (result.IsValid)
            {
                var expires = result.SecurityToken.ValidTo;
                return new SocketIdentity(
                    Slim(result.ClaimsIdentity),
                    expires == DateTime.MinValue ? null : new DateTimeOffset(expires, TimeSpan.Zero));
            }
        }

        return null;
    }

    /// <summary>
    /// The socket keeps only what is read of its identity (the subject, <see cref="Identity.AppUser"/>). A socket
    /// lives for hours, and the validated identity holds the whole token: its text, header, payload and every claim,
    /// about 3 KiB per socket, times every subscriber.
    /// </summary>
    private static ClaimsPrincipal Slim(ClaimsIdentity validated) =>
        new(new ClaimsIdentity(
            validated.FindFirst(Identity.AppUser.SubjectClaim) is { } subject ? [new Claim(Identity.AppUser.SubjectClaim, subject.Value)] : [],
            validated.AuthenticationType));

    private static (bool Present, string? Token) TokenOf(JsonElement? payload)
    {
        if (payload is not { } p)
        {
            return (false, null);
        }

        if (p.TryGetProperty("authorization", out var authorization) || p.TryGetProperty("Authorization", out authorization))
        {
            var value = authorization.ValueKind == JsonValueKind.String ? authorization.GetString() ?? "" : "";
            return (true, value.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? value["Bearer ".Length..].Trim() : null);
        }

        if (p.TryGetProperty("token", out var token))
        {
            return (true, token.ValueKind == JsonValueKind.String ? token.GetString() : null);
        }

        return (false, null);
    }

    /// <summary>With an OpenID Connect authority the signing keys come from its discovery document, as in the HTTP handler.</summary>
    private static async Task<TokenValidationParameters> ParametersAsync(JwtBearerOptions bearer, CancellationToken cancellationToken)
    {
        var parameters = bearer.TokenValidationParameters;
        if (bearer.ConfigurationManager is null)
        {
            return parameters;
        }

        var configuration = await bearer.ConfigurationManager.GetConfigurationAsync(cancellationToken);
        parameters = parameters.Clone();
        parameters.ValidIssuers = [.. parameters.ValidIssuers ?? [], configuration.Issuer];
        parameters.IssuerSigningKeys = [.. parameters.IssuerSigningKeys ?? [], .. configuration.SigningKeys];
        return parameters;
    }
}
