using AlpacaConnect.Gql.GraphQL.Transport.WebSockets;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.Extensions.Options;

namespace AlpacaConnect.Gql.GraphQL.Transport;

/// <summary>
/// CORS for web apps on other origins, from <see cref="GraphQLOptions.AllowedOrigins"/> (the list the WebSocket
/// handshake checks too). ASP.NET Core's middleware answers the preflight (<c>OPTIONS /graphql</c>); an origin not
/// listed gets no <c>Access-Control-Allow-Origin</c>, which browsers treat as a refusal. No credentials: callers send
/// bearer tokens, never cookies.
/// </summary>
internal static class BrowserOrigins
{
    public const string PolicyName = "GraphQL";

    internal static IServiceCollection AddBrowserOrigins(this IServiceCollection services)
    {
        services.AddCors();
        // Built when first needed: configuration added by a test host is final only then.
        services.AddOptions<CorsOptions>().Configure<IOptions<GraphQLOptions>, IHostEnvironment>((cors, graphql, environment) =>
            cors.AddPolicy(PolicyName, Policy(graphql.Value.AllowedOrigins, environment.IsDevelopment())));
        services.AddSingleton<IValidateOptions<GraphQLOptions>, Validator>();
        return services;
    }

    /// <summary>Before authentication, so that a cross-origin 401 still carries the headers a browser needs to read it.</summary>
    public static WebApplication UseBrowserOrigins(this WebApplication app)
    {
        app.UseCors();
        return app;
    }

    private static CorsPolicy Policy(string[] origins, bool development)
    {
        var allowed = origins.Select(o => o.TrimEnd('/')).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return new CorsPolicyBuilder()
            .SetIsOriginAllowed(origin => allowed.Contains(origin) || (allowed.Count == 0 && development && IsLoopback(origin)))
            .WithMethods(HttpMethods.Get, HttpMethods.Post)
            .AllowAnyHeader()
            .WithExposedHeaders("Retry-After")
            .SetPreflightMaxAge(TimeSpan.FromMinutes(10))
            .Build();
    }

    private static bool IsLoopback(string origin) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.IsLoopback;

    /// <summary>Listed origins must be bare origins, as browsers send them; a path or a typo would never match.</summary>
    private sealed class Validator : IValidateOptions<GraphQLOptions>
    {
        public ValidateOptionsResult Validate(string? name, GraphQLOptions options) =>
            OriginPolicy.ValidateList($"{GraphQLOptions.Section}:{nameof(GraphQLOptions.AllowedOrigins)}", options.AllowedOrigins);
    }
}
