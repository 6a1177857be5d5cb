using AlpacaConnect.Sandbox;
using AlpacaConnect.Sandbox.Matching;

namespace AlpacaConnect.Gql.Tests.Sandbox.Conformance;

/// <summary>
/// An account with something in every response: filled positions in a stock, a crypto pair and an option, an open
/// GTC limit order, a day order and a bracket with its legs.
/// </summary>
internal sealed class SimulatorScene
{
    private SimulatorScene(SandboxHost host)
    {
        Host = host;
        Paper = host.Trading(SandboxEnvironment.Paper, host.Token());
        Data = host.Trading(SandboxEnvironment.Paper, host.Token());
        Data.BaseAddress = new Uri(host.BaseUri, SandboxPaths.MarketData + "/");
    }

    public SandboxHost Host { get; }

    public HttpClient Paper { get; }

    public HttpClient Data { get; }

    public string OpenOrderId { get; private set; } = "";

    public string BracketId { get; private set; } = "";

    /// <summary>The AAPL market buy, filled when the scene is set.</summary>
    public string FilledOrderId { get; private set; } = "";

    public static async Task<SimulatorScene> SetUpAsync(SandboxHost host)
    {
        host.Control.Reset();
        var scene = new SimulatorScene(host);
        host.Control.SetPrice("AAPL", 200m);
        host.Control.SetPrice(AssetCatalog.AaplCall, 4.99m);
        var filled = new List<string>();
        foreach (var fill in new[]
        {
            """{"symbol":"AAPL","qty":"10","side":"buy","type":"market","time_in_force":"day"}""",
            """{"symbol":"BTC/USD","qty":"0.01","side":"buy","type":"market","time_in_force":"gtc"}""",
            $$"""{"symbol":"{{AssetCatalog.AaplCall}}","qty":"1","side":"buy","type":"market","time_in_force":"day"}""",
        })
        {
            filled.Add(await scene.PlaceAsync(fill));
        }

        scene.FilledOrderId = filled[0];

        host.Control.ProcessNow();
        scene.OpenOrderId = await scene.PlaceAsync(
            """{"symbol":"MSFT","qty":"1","side":"buy","type":"limit","limit_price":"10","time_in_force":"gtc","client_order_id":"conformance-open"}""");
        await scene.PlaceAsync("""{"symbol":"TSLA","qty":"1","side":"buy","type":"limit","limit_price":"10","time_in_force":"day"}""");
        scene.BracketId = await scene.PlaceAsync(
            """{"symbol":"AAPL","qty":"1","side":"buy","type":"limit","limit_price":"150","time_in_force":"day","order_class":"bracket","take_profit":{"limit_price":"250"},"stop_loss":{"stop_price":"140"}}""");
        return scene;
    }

    /// <summary>Creates a watchlist "Scene" holding AAPL and returns its id.</summary>
    public async Task<string> WatchlistIdAsync()
    {
        using var response = await Paper.PostJsonAsync("v2/watchlists", """{"name":"Scene","symbols":["AAPL"]}""");
        return (await response.JsonAsync()).Str("id");
    }

    private async Task<string> PlaceAsync(string body)
    {
        using var response = await Paper.PostJsonAsync("v2/orders", body);
        var order = await response.JsonAsync();
        Assert.True(response.IsSuccessStatusCode, $"Setting the scene failed: {body} → {(int)response.StatusCode} {order}");
        return order.Str("id");
    }
}
