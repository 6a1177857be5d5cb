using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using AlpacaConnect.Gql.Alpaca;
using Microsoft.Extensions.Options;

namespace AlpacaConnect.Gql.Hosting;

/// <summary>
/// This server's own origin, for Sandbox mode where the upstream is the simulator embedded in this same process:
/// <c>Alpaca:SandboxBaseUrl</c> when configured, otherwise the first address the server listens on. Resolved
/// lazily because the addresses are known only once the server has started.
/// </summary>
internal sealed class OwnServerAddress(IServer server, IOptions<AlpacaOptions> options)
{
    private Uri? _origin;

    public Uri Origin => _origin ??= Resolve();

    private Uri Resolve()
    {
        if (options.Value.SandboxBaseUrl is { } configured)
        {
            return configured;
        }

        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException(
                "The server's own address is not known (it is not listening yet, or runs without Kestrel); set Alpaca:SandboxBaseUrl.");
        return Callable(address);
    }

    /// <summary>Turns a listening address such as <c>http://+:5080</c> into one a client can call.</summary>
    internal static Uri Callable(string listeningAddress)
    {
        const string separator = "://";
        var schemeEnd = listeningAddress.IndexOf(separator, StringComparison.Ordinal);
        if (schemeEnd < 0)
        {
            throw new InvalidOperationException($"Unexpected server address '{listeningAddress}'; set Alpaca:SandboxBaseUrl.");
        }

        var hostStart = schemeEnd + separator.Length;
        var pathStart = listeningAddress.IndexOf('/', hostStart);
        var authority = pathStart < 0 ? listeningAddress[hostStart..] : listeningAddress[hostStart..pathStart];
        var portStart = authority.LastIndexOf(':');
        var host = portStart > authority.LastIndexOf(']') ? authority[..portStart] : authority;
        var rest = authority[host.Length..];
        var callableHost = host switch
        {
            "0.0.0.0" => "127.0.0.1",
            "[::]" or "+" or "*" => "localhost",
            _ => host,
        };
        return new Uri(listeningAddress[..hostStart] + callableHost + rest);
    }
}
