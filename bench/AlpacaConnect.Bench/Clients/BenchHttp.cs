using System.Net;

namespace AlpacaConnect.Bench.Clients;

/// <summary>The HTTP client every request of the bench goes through: HTTP/1.1 keep-alive, no redirects followed
/// (the connect flow reads each hop), no connection cap, so concurrency is what a scenario asks for.</summary>
public static class BenchHttp
{
    public static HttpClient Create(TimeSpan? timeout = null) => new(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        MaxConnectionsPerServer = int.MaxValue,
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(2),
        AutomaticDecompression = DecompressionMethods.None,
        UseCookies = false,
    })
    {
        Timeout = timeout ?? TimeSpan.FromSeconds(100),
        DefaultRequestVersion = HttpVersion.Version11,
    };
}
