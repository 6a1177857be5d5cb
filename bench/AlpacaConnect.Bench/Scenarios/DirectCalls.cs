using System.Text;
using AlpacaConnect.Bench.Clients;

namespace AlpacaConnect.Bench.Scenarios;

/// <summary>
/// The sandbox REST calls that correspond to the GraphQL operations, made with one sandbox token: the floor each
/// server figure is compared with. A call returns null on success or why it failed, as <see cref="Load.ClosedLoop"/> wants.
/// </summary>
public sealed class DirectCalls(HttpClient http, SandboxApi sandbox, string token)
{
    public Task<string?> PositionsAsync(CancellationToken cancellationToken) =>
        SendAsync(() => sandbox.TradingRequest(HttpMethod.Get, "/v2/positions", token), cancellationToken);

    public Task<string?> OrdersAsync(CancellationToken cancellationToken) =>
        SendAsync(() => sandbox.TradingRequest(HttpMethod.Get, "/v2/orders?status=all&limit=50", token), cancellationToken);

    /// <summary>The order <c>placeOrder</c> places (<see cref="Operations.MarketBuy"/>), with a new <c>client_order_id</c> each call.</summary>
    public Task<string?> PlaceOrderAsync(CancellationToken cancellationToken) =>
        SendAsync(() => sandbox.TradingRequest(HttpMethod.Post, "/v2/orders", token, Operations.WireMarketBuy(Operations.NewKey("direct"))), cancellationToken);

    private async Task<string?> SendAsync(Func<HttpRequestMessage> create, CancellationToken cancellationToken)
    {
        using var request = create();
        using var response = await http.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        return response.IsSuccessStatusCode ? null : $"HTTP {(int)response.StatusCode}: {GraphQLClient.Trim(Encoding.UTF8.GetString(body))}";
    }
}
