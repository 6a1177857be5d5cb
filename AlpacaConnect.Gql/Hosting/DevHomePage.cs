using System.Net;
using System.Text;

namespace AlpacaConnect.Gql.Hosting;

/// <summary>
/// Development only: <c>/</c>, the README's first link, answers with a page of what a newcomer looks for next
/// (explorer, walkthrough, dev token, health, metrics, the simulator's log) instead of a 404.
/// </summary>
/// <remarks>
/// Each link is shown only when its route is mapped on this server, read from the routing table at request time,
/// so the page stays true whatever the settings turned off (the explorer, metrics, the embedded simulator).
/// </remarks>
internal static class DevHomePage
{
    private static readonly (string Path, string Route, string Label, string Why)[] Links =
    [
        ("/graphql/ui/", "graphql/ui/", "GraphQL explorer", "Banana Cake Pop, signed in as the dev user"),
        ("/health/live", "health/live", "Liveness", "the process answers"),
        ("/health/ready", "health/ready", "Readiness", "database, Redis, upstream"),
        ("/metrics", "metrics", "Metrics", "Prometheus text"),
        ("/sandbox/control/requests", "sandbox/control", "Simulator requests", "what the embedded Alpaca simulator received"),
    ];

    public static WebApplication MapDevHome(this WebApplication app)
    {
        if (app.Environment.IsDevelopment())
        {
            // The simulator is a branch of the pipeline, not routed endpoints: it is asked for by configuration.
            var simulator = EmbeddedSandbox.IsEmbedded(app.Configuration);
            app.MapGet("/", (EndpointDataSource endpoints) => Results.Content(Render(Routes(endpoints, simulator)), "text/html; charset=utf-8"))
                .WithDisplayName("Development home page")
                .ExcludeFromDescription();
        }

        return app;
    }

    private static HashSet<string> Routes(EndpointDataSource endpoints, bool simulator)
    {
        HashSet<string> routes = [.. endpoints.Endpoints.OfType<RouteEndpoint>().Select(e => e.RoutePattern.RawText?.TrimStart('/') ?? "")];
        if (simulator)
        {
            routes.Add("sandbox/control");
        }

        return routes;
    }

    private static string Render(HashSet<string> routes)
    {
        var links = new StringBuilder();
        foreach (var (path, route, label, why) in Links)
        {
            if (routes.Any(r => r.StartsWith(route, StringComparison.Ordinal)))
            {
                links.Append("<li><a href=\"").Append(path).Append("\">").Append(WebUtility.HtmlEncode(label)).Append("</a>: ")
                    .Append(WebUtility.HtmlEncode(why)).Append("</li>");
            }
        }

        return $$"""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>AlpacaConnect.Gql (Development)</title></head>
            <body style="font-family:sans-serif;max-width:44em;margin:2em auto">
            <h1>AlpacaConnect.Gql</h1>
            <p>Development server: the embedded Alpaca simulator and SQLite unless configured otherwise.
            This page exists in Development only.</p>
            <ul id="links">{{links}}</ul>
            <h2>Try it in five minutes</h2>
            <p>The walkthrough is in the repository's <code>README.md</code> (section <em>Try it in five minutes</em>);
            its operations are the files in <code>examples/</code>. In short: open the explorer, run
            <code>connectAlpaca</code>, approve on the simulator's consent page, pass the code it shows to
            <code>completeAlpacaConnection</code>, subscribe to <code>orderUpdated</code>, then <code>placeOrder</code>.</p>
            <p>A token for curl: <code>curl -s -X POST localhost:5080/dev/token</code> (the explorer's own user,
            <code>dev-user</code>; send <code>{"user": "someone"}</code> for another).</p>
            </body></html>
            """;
    }
}
