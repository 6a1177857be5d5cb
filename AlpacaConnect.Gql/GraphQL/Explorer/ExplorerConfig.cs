using System.Text.Json.Serialization;

namespace AlpacaConnect.Gql.GraphQL.Explorer;

/// <summary>
/// Banana Cake Pop's <c>bcp-config.json</c>: this server's GraphQL endpoint for HTTP and for subscriptions
/// (<c>graphql-transport-ws</c>), as absolute URLs of the host the browser used. Telemetry is off: the
/// explorer would otherwise post a device id to telemetry.chillicream.com, and it must work offline.
/// <see cref="HttpHeaders"/> are the default headers of new documents (the dev sign-in; absent otherwise).
/// </summary>
internal sealed record ExplorerConfig(
    string Endpoint,
    string SubscriptionEndpoint,
    bool UseBrowserUrlAsEndpoint,
    string Title,
    bool DisableTelemetry,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, string>? HttpHeaders)
{
    public static ExplorerConfig For(HttpRequest request, string graphQLPath, IReadOnlyDictionary<string, string>? httpHeaders)
    {
        var http = $"{request.Scheme}://{request.Host}{request.PathBase}{graphQLPath}";
        var ws = (request.IsHttps ? "wss" : "ws") + http[request.Scheme.Length..];
        return new ExplorerConfig(http, ws, UseBrowserUrlAsEndpoint: false, Title: "AlpacaConnect GraphQL", DisableTelemetry: true, httpHeaders);
    }
}
