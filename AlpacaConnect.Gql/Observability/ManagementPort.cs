using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace AlpacaConnect.Gql.Observability;

/// <summary>
/// The management port as a second Kestrel endpoint. Kestrel binds either the configured URLs (ASPNETCORE_URLS,
/// ASPNETCORE_HTTP_PORTS) or the endpoints given in code, never both: adding the management endpoint in code would
/// silently drop the app's URLs, so they are bound in code too, as Kestrel would have bound them.
/// </summary>
internal static class ManagementPort
{
    private const string KestrelDefaultUrl = "http://localhost:5000";

    public static void Listen(WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(ManagementOptions.Section).Get<ManagementOptions>() ?? new();
        if (options.Port is not { } port)
        {
            return;
        }

        IConfiguration configuration = builder.Configuration;
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            foreach (var url in AppUrls(configuration))
            {
                ListenOn(kestrel, BindingAddress.Parse(url));
            }

            if (IPAddress.TryParse(options.Address, out var address))
            {
                kestrel.Listen(address, port);
            }
            else
            {
                kestrel.ListenAnyIP(port);
            }
        });
    }

    /// <summary>Whether the request came in on the management port (the local port, which a client cannot forge; the Host header it can).</summary>
    public static bool IsManagement(HttpContext context, int port) => context.Connection.LocalPort == port;

    private static IEnumerable<string> AppUrls(IConfiguration configuration)
    {
        if (Split(configuration["urls"]) is { Length: > 0 } urls)
        {
            return urls;
        }

        var ports = Split(configuration["http_ports"]).Select(p => $"http://*:{p}")
            .Concat(Split(configuration["https_ports"]).Select(p => $"https://*:{p}"))
            .ToList();
        return ports.Count > 0 ? ports : [KestrelDefaultUrl];
    }

    private static string[] Split(string? value) =>
        value?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];

    private static void ListenOn(KestrelServerOptions kestrel, BindingAddress url)
    {
        Action<ListenOptions> configure = url.Scheme == Uri.UriSchemeHttps ? listen => listen.UseHttps() : _ => { };
        if (string.Equals(url.Host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            kestrel.ListenLocalhost(url.Port, configure);
        }
        else if (IPAddress.TryParse(url.Host.Trim('[', ']'), out var address))
        {
            kestrel.Listen(address, url.Port, configure);
        }
        else
        {
            kestrel.ListenAnyIP(url.Port, configure); // *, + and host names: every interface, as Kestrel does
        }
    }
}
