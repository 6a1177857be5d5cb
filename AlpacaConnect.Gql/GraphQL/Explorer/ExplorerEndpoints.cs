using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Net.Http.Headers;

namespace AlpacaConnect.Gql.GraphQL.Explorer;

/// <summary>
/// Banana Cake Pop at <c>&lt;graphql path&gt;/ui/</c>: a browser navigating to the GraphQL path is redirected
/// there. The bundle loads its assets and <c>bcp-config.json</c> by relative URLs, so the page must be
/// addressed with its trailing slash.
/// </summary>
internal static class ExplorerEndpoints
{
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    public static IServiceCollection AddGraphQLExplorer(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ExplorerOptions>()
            .Bind(configuration.GetSection(ExplorerOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<ExplorerBundle>();
        services.AddSingleton<ExplorerSignIn>();
        return services;
    }

    /// <summary>
    /// Wraps the GraphQL endpoint so that a browser navigation (GET, <c>Accept: text/html</c>, no <c>query</c>
    /// parameter) is sent to the explorer; every other request, including GraphQL GETs, goes to <paramref name="next"/>.
    /// </summary>
    public static RequestDelegate WithGraphQLExplorer(this IEndpointRouteBuilder endpoints, string graphQLPath, RequestDelegate next)
    {
        var bundle = endpoints.ServiceProvider.GetRequiredService<ExplorerBundle>();
        if (!bundle.Enabled)
        {
            return next;
        }

        endpoints.MapGet(graphQLPath + "/ui/{**file}", (HttpContext context, string? file) => Serve(context, bundle, graphQLPath, file))
            .WithDisplayName("GraphQL explorer")
            .ExcludeFromDescription();
        return context => IsBrowserNavigation(context.Request)
            ? Redirect(context, graphQLPath)
            : next(context);
    }

    private static bool IsBrowserNavigation(HttpRequest request) =>
        HttpMethods.IsGet(request.Method)
        && !request.Query.ContainsKey("query")
        && request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));

    private static Task Redirect(HttpContext context, string graphQLPath)
    {
        context.Response.Redirect($"{context.Request.PathBase}{graphQLPath}/ui/{context.Request.QueryString}");
        return Task.CompletedTask;
    }

    private static IResult Serve(HttpContext context, ExplorerBundle bundle, string graphQLPath, string? file)
    {
        // "/graphql/ui" also matches this route; without the slash the page's relative URLs would miss.
        if (!context.Request.Path.Value!.EndsWith('/') && string.IsNullOrEmpty(file))
        {
            return TypedResults.Redirect($"{context.Request.PathBase}{graphQLPath}/ui/{context.Request.QueryString}");
        }

        if (file == "bcp-config.json")
        {
            // It may carry a bearer token: no HTTP cache may keep it.
            context.Response.Headers.CacheControl = "no-store";
            var signIn = context.RequestServices.GetRequiredService<ExplorerSignIn>();
            return TypedResults.Json(ExplorerConfig.For(context.Request, graphQLPath, signIn.Headers()));
        }

        if (bundle.Files is not { } files)
        {
            return TypedResults.Problem(
                $"The explorer bundle is not installed ({ExplorerBundle.PackagePath}); run 'npm ci' at the repository root.",
                statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        var info = files.GetFileInfo(string.IsNullOrEmpty(file) ? "index.html" : file);
        if (!info.Exists || info.IsDirectory || info.PhysicalPath is null)
        {
            return TypedResults.NotFound();
        }

        context.Response.Headers.CacheControl = "no-cache";
        context.Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        return TypedResults.PhysicalFile(
            info.PhysicalPath,
            ContentTypes.TryGetContentType(info.Name, out var type) ? type : "application/octet-stream",
            lastModified: info.LastModified);
    }
}
