using Microsoft.Extensions.Options;

namespace AlpacaConnect.Gql.GraphQL.Transport.WebSockets;

/// <summary>
/// Which browser pages may open a socket. Browsers attach cookies and send <c>Origin</c> on cross-site
/// WebSocket handshakes without any CORS preflight, so the origin is the only defence against
/// cross-site WebSocket hijacking; non-browser clients send no <c>Origin</c> and are not restricted here.
/// The origins are the shared <c>GraphQL:AllowedOrigins</c> (also CORS) plus the older <c>GraphQL:WebSockets:AllowedOrigins</c>.
/// </summary>
internal sealed class OriginPolicy(IOptions<GraphQLWebSocketOptions> options, IOptions<GraphQLOptions> shared, IHostEnvironment environment)
{
    private readonly HashSet<string> _allowed = new(
        options.Value.AllowedOrigins.Concat(shared.Value.AllowedOrigins).Select(o => o.TrimEnd('/')), StringComparer.OrdinalIgnoreCase);

    private readonly bool _allowAny =
        options.Value.AllowedOrigins.Length == 0 && shared.Value.AllowedOrigins.Length == 0 && environment.IsDevelopment();

    public bool Allows(HttpRequest request)
    {
        var origin = request.Headers.Origin.ToString();
        return origin.Length == 0 || _allowAny || _allowed.Contains(origin);
    }

    public static bool IsOrigin(string value) =>
        Uri.TryCreate(value.TrimEnd('/'), UriKind.Absolute, out var uri)
        && uri.Scheme is "http" or "https"
        && uri.AbsolutePath == "/"
        && uri.Query.Length == 0
        && uri.Fragment.Length == 0
        && string.IsNullOrEmpty(uri.UserInfo);

    /// <summary>Listed origins must be bare origins, as browsers send them; a path or a typo would never match.</summary>
    public static ValidateOptionsResult ValidateList(string setting, string[] origins)
    {
        var invalid = origins.Where(o => !IsOrigin(o)).ToList();
        return invalid.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"{setting} must list origins like 'https://app.example.com' (no path); invalid: {string.Join(", ", invalid)}");
    }
}
