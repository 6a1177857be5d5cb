using System.Text.Json;
using AlpacaConnect.Gql.Streaming;
using AlpacaConnect.Gql.Tests.Orders;
using AlpacaConnect.Gql.Tests.Sandbox;
using AlpacaConnect.Gql.Tests.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace AlpacaConnect.Gql.Tests.Streaming;

/// <summary>
/// The server and its sandbox on loopback with connected users, order-update subscribers on real sockets, and the
/// stream supervisor reconnecting (and reconciling again) within milliseconds so drop-and-reconnect scenarios stay quick.
/// </summary>
public sealed class StreamDriver : IAsyncDisposable
{
    public const string OrderUpdated = """
        subscription($orderId: ID) {
          orderUpdated(orderId: $orderId) { id event occurredAt order { id alpacaOrderId symbol status filledQty filledAvgPrice } }
        }
        """;

    private readonly List<GraphQLSocket> _sockets = [];

    private readonly LogCapture _logs = new();
    private readonly ITestOutputHelper? _output;

    public StreamDriver(Action<SandboxHost>? configure = null, ITestOutputHelper? output = null)
    {
        _output = output;
        Orders = new OrderDriver(host =>
        {
            host.WithServices(services => services.AddSingleton<ILoggerProvider>(_logs));
            host.WithSetting("Streaming:ReconnectInitialDelay", "00:00:00.020");
            host.WithSetting("Streaming:ReconnectMaxDelay", "00:00:00.200");
            host.WithSetting("Streaming:ReconcileMinInterval", "00:00:00.020");
            configure?.Invoke(host);
        });
    }

    public OrderDriver Orders { get; }

    /// <summary>What the server logged so far.</summary>
    public string LogText => _logs.Text;

    public SandboxHost Host => Orders.Host;

    internal TradeUpdatesSupervisor Supervisor => Host.Services.GetRequiredService<TradeUpdatesSupervisor>();

    /// <summary>A signed-in socket subscribed to <c>orderUpdated</c> (as operation id "u"), live on the server when this returns.</summary>
    public async Task<GraphQLSocket> SubscribeAsync(string user, string? orderId = null, string query = OrderUpdated)
    {
        var socket = await GraphQLSocket.ConnectAsync(Host.BaseUri);
        _sockets.Add(socket);
        await socket.InitAsync(Host.TokenFor(user));
        await socket.SubscribeAsync("u", query, new { orderId });
        await Eventually.HoldsAsync(() => Supervisor.IsAttached(user), $"{user}'s subscription is live");
        return socket;
    }

    /// <summary>Places a market buy; returns our order id and Alpaca's.</summary>
    public async Task<(string Id, string AlpacaOrderId)> BuyAsync(string key, string user = "app-alice", string symbol = "AAPL")
    {
        var order = OrderDriver.Order(await Orders.PlaceAsync(OrderDriver.MarketBuy(key, symbol: symbol), user));
        return (order.GetProperty("id").GetString()!, order.GetProperty("alpacaOrderId").GetString()!);
    }

    /// <summary>The updates on <paramref name="socket"/> up to and including the first that satisfies <paramref name="last"/>.</summary>
    public static async Task<List<JsonElement>> UpdatesUntilAsync(GraphQLSocket socket, Func<JsonElement, bool> last)
    {
        var updates = new List<JsonElement>();
        while (true)
        {
            JsonElement message;
            try
            {
                message = await socket.ExpectAsync("next", "u");
            }
            catch (Exception e) when (e is not Xunit.Sdk.XunitException)
            {
                throw new InvalidOperationException($"No more updates after: {string.Join(" | ", updates)}", e);
            }

            var update = message.GetProperty("payload").GetProperty("data").GetProperty("orderUpdated");
            updates.Add(update);
            if (last(update))
            {
                return updates;
            }
        }
    }

    public static Func<JsonElement, bool> Is(string orderId, string eventName) =>
        u => OrderIdOf(u) == orderId && EventOf(u) == eventName;

    public static string OrderIdOf(JsonElement update) => update.GetProperty("order").GetProperty("id").GetString()!;

    public static string EventOf(JsonElement update) => update.GetProperty("event").GetString()!;

    public static string StatusOf(JsonElement update) => update.GetProperty("order").GetProperty("status").GetString()!;

    public async ValueTask DisposeAsync()
    {
        foreach (var socket in _sockets)
        {
            await socket.DisposeAsync();
        }

        Orders.Dispose();
        // The supervisor's and the stream's story, shown with a failing test's output.
        _output?.WriteLine(string.Join('\n', _logs.Text.Split('\n').Where(l => l.Contains(" AlpacaConnect.", StringComparison.Ordinal) && !l.StartsWith("Debug", StringComparison.Ordinal) && !l.StartsWith("Trace", StringComparison.Ordinal))));
    }
}
