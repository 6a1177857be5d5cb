using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace AlpacaConnect.Bench.Floor;

/// <summary>
/// The floor of the placement figures: a bare ASP.NET Core app, run as a process of its own from this same executable
/// (<c>dotnet AlpacaConnect.Bench.dll --floor-server --database FILE --upstream URL --urls URL</c>), so it competes for
/// the cores as the server does and not for the generator's thread pool. It does per order only what any server that
/// keeps the money rules must (<see cref="FloorOrders"/>): what it reaches is what any server could reach here.
/// </summary>
public static class FloorServer
{
    public const string ChildFlag = "--floor-server";

    public static bool IsChildProcess(string[] args) => args.Length > 0 && args[0] == ChildFlag;

    public static async Task<int> RunAsChildAsync(string[] args)
    {
        // The flag is not configuration; the rest (--database, --upstream, --urls) is read as command-line settings.
        var builder = WebApplication.CreateSlimBuilder(args[1..]);
        // Kestrel's and the host's per-request logs would cost the floor CPU the server does not spend either.
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var database = builder.Configuration["database"] ?? throw new ArgumentException("--database FILE is needed.");
        var upstream = builder.Configuration["upstream"] ?? throw new ArgumentException("--upstream URL (the sandbox's paper trading base) is needed.");

        using var intents = await FloorIntents.OpenAsync(database);
        // In the floor's log (bench/.work), so a reader can check the durability the figures were taken with.
        Console.WriteLine($"floor: {database}: {intents.Durability}");
        using var http = UpstreamClient();
        var orders = new FloorOrders(intents, http, new Uri(upstream.TrimEnd('/') + "/"), TimeProvider.System);

        await using var app = builder.Build();
        app.MapGet("/health/ready", () => TypedResults.Ok());
        app.MapPost("/floor/orders", (FloorOrderRequest order, HttpRequest request, CancellationToken cancellationToken) =>
            orders.PlaceAsync(order, request.Headers.Authorization, cancellationToken));
        await app.RunAsync();
        return 0;
    }

    /// <summary>One client for every call, over one pool of keep-alive connections, as the server's named clients are.</summary>
    private static HttpClient UpstreamClient() => new(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.None,
        UseCookies = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
    })
    {
        Timeout = TimeSpan.FromSeconds(30),
    };
}
