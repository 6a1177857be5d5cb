using AlpacaConnect.Gql.Orders;
using AlpacaConnect.Gql.Persistence;
using AlpacaConnect.Sandbox.Faults;
using AlpacaConnect.Gql.Tests.Orders;
using AlpacaConnect.Gql.Tests.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using static AlpacaConnect.Gql.Tests.Streaming.StreamDriver;

namespace AlpacaConnect.Gql.Tests.Streaming;

/// <summary>
/// <c>orderUpdated</c> fed by the sandbox's trade_updates stream through the supervisor (T-ST-01…05): every transition
/// once, the missed ones recovered by reconciliation, each user's only.
/// </summary>
public sealed class OrderUpdatedTests(ITestOutputHelper output)
{
    private static readonly string[] BeforeAFill = ["ACCEPTED", "PENDING_NEW", "NEW"];

    [Theory]
    [InlineData("Binary")]
    [InlineData("Text")]
    public async Task AFilledOrderReachesItsSubscriberWithEachTransitionOnce(string frames)
    {
        await using var driver = new StreamDriver(host => host.WithSetting("Sandbox:Stream:PaperFrames", frames), output);
        await driver.Orders.ConnectAsync();
        var socket = await driver.SubscribeAsync("app-alice");

        var (id, alpacaOrderId) = await driver.BuyAsync("buy-1");
        await Eventually.HoldsAsync(() => driver.Host.Control.ListeningStreams == 1, "the account's stream is listening");
        driver.Host.Control.ProcessNow();
        var updates = await UpdatesUntilAsync(socket, Is(id, "FILL"));

        Assert.All(updates, u => Assert.Equal(id, OrderIdOf(u)));
        var fill = updates[^1];
        Assert.Equal("FILLED", StatusOf(fill));
        Assert.Equal("1", fill.GetProperty("order").GetProperty("filledQty").GetString());
        Assert.Equal(alpacaOrderId, fill.GetProperty("order").GetProperty("alpacaOrderId").GetString());
        Assert.True(decimal.Parse(fill.GetProperty("order").GetProperty("filledAvgPrice").GetString()!, System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.All(updates[..^1], u => Assert.Contains(EventOf(u), BeforeAFill));
        // Each recorded once: no two updates report the same state.
        Assert.Equal(updates.Count, updates.Select(u => (EventOf(u), StatusOf(u))).Distinct().Count());
        Assert.Equal(updates.Count, updates.Select(u => long.Parse(u.GetProperty("id").GetString()!, System.Globalization.CultureInfo.InvariantCulture)).Distinct().Count());
        // The fill came from the stream, not from a reconciliation.
        Assert.Equal("stream", await SourceOfAsync(driver, id, OrderEventKind.Fill));
    }

    [Fact]
    public async Task AFillLostWithTheStreamArrivesOnceAfterTheReconnect()
    {
        await using var driver = new StreamDriver(output: output);
        await driver.Orders.ConnectAsync();
        var socket = await driver.SubscribeAsync("app-alice");
        var (first, _) = await driver.BuyAsync("buy-1");
        await Eventually.HoldsAsync(() => driver.Host.Control.ListeningStreams == 1, "the account's stream is listening");
        Assert.Equal(1, driver.Host.Control.StreamsOpened);

        driver.Host.Control.DropStreamsInsteadOf("fill");
        driver.Host.Control.ProcessNow();
        var updates = await UpdatesUntilAsync(socket, Is(first, "FILL"));

        Assert.Equal("reconcile", await SourceOfAsync(driver, first, OrderEventKind.Fill));
        // The subscriber still wants the stream: it is opened again.
        await Eventually.HoldsAsync(() => driver.Host.Control.StreamsOpened >= 2 && driver.Host.Control.ListeningStreams == 1, "the supervisor reconnects");
        // A second order's fill arrives after anything still pending for the first: no repeat of the first fill.
        var (second, _) = await driver.BuyAsync("buy-2");
        driver.Host.Control.ProcessNow();
        updates.AddRange(await UpdatesUntilAsync(socket, Is(second, "FILL")));
        Assert.Single(updates, u => Is(first, "FILL")(u));
        Assert.Single(updates, u => Is(second, "FILL")(u));
        Assert.Equal("stream", await SourceOfAsync(driver, second, OrderEventKind.Fill));
    }

    [Fact]
    public async Task AnOrderPlacedWhileTheStreamCannotConnectStillReachesItsFinalStatus()
    {
        await using var driver = new StreamDriver(output: output);
        await driver.Orders.ConnectAsync();
        driver.Host.Control.AddFault(new FaultRule { Route = "GET /stream", Kind = FaultKind.ServerError, Status = 503, Count = null });
        var socket = await driver.SubscribeAsync("app-alice");

        var (id, _) = await driver.BuyAsync("buy-while-down");
        driver.Host.Control.ProcessNow();
        var updates = await UpdatesUntilAsync(socket, Is(id, "FILL"));

        Assert.Equal(0, driver.Host.Control.OpenStreams);
        Assert.Equal("FILLED", StatusOf(updates[^1]));
        Assert.Equal("reconcile", await SourceOfAsync(driver, id, OrderEventKind.Fill));

        // Once the stream can be held again, it takes over.
        driver.Host.Control.ClearFaults();
        await Eventually.HoldsAsync(() => driver.Host.Control.ListeningStreams == 1, "the stream reconnects");
        var (next, _) = await driver.BuyAsync("buy-after");
        driver.Host.Control.ProcessNow();
        await UpdatesUntilAsync(socket, Is(next, "FILL"));
        Assert.Equal("stream", await SourceOfAsync(driver, next, OrderEventKind.Fill));
    }

    [Fact]
    public async Task EachUserReceivesOnlyTheirOwnOrders()
    {
        await using var driver = new StreamDriver(output: output);
        await driver.Orders.ConnectAsync("app-alice", "alice");
        await driver.Orders.ConnectAsync("app-bob", "bob");
        var alice = await driver.SubscribeAsync("app-alice");
        var bob = await driver.SubscribeAsync("app-bob");

        // Alice's events are all published before Bob's: had any leaked, Bob would read it before his own.
        var (aliceOrder, _) = await driver.BuyAsync("a-1", "app-alice");
        await Eventually.HoldsAsync(() => driver.Host.Control.ListeningStreams == 2, "both streams are listening");
        driver.Host.Control.ProcessNow();
        var aliceUpdates = await UpdatesUntilAsync(alice, Is(aliceOrder, "FILL"));
        var (bobOrder, _) = await driver.BuyAsync("b-1", "app-bob");
        driver.Host.Control.ProcessNow();
        var bobUpdates = await UpdatesUntilAsync(bob, Is(bobOrder, "FILL"));
        var (aliceSecond, _) = await driver.BuyAsync("a-2", "app-alice");
        driver.Host.Control.ProcessNow();
        aliceUpdates.AddRange(await UpdatesUntilAsync(alice, Is(aliceSecond, "FILL")));

        Assert.All(bobUpdates, u => Assert.Equal(bobOrder, OrderIdOf(u)));
        Assert.All(aliceUpdates, u => Assert.True(OrderIdOf(u) == aliceOrder || OrderIdOf(u) == aliceSecond));
    }

    [Fact]
    public async Task AnAccountHasOneUpstreamSocketHoweverManyOrdersAndSubscribers()
    {
        await using var driver = new StreamDriver(output: output);
        await driver.Orders.ConnectAsync();
        await driver.SubscribeAsync("app-alice");
        await driver.SubscribeAsync("app-alice");
        await Eventually.HoldsAsync(() => driver.Host.Control.ListeningStreams == 1, "the account's stream is listening");

        for (var i = 0; i < 3; i++)
        {
            await driver.Orders.PlaceAsync(OrderDriver.LimitBuy($"limit-{i}", "1", "1.00"));
        }

        Assert.Equal(1, driver.Host.Control.OpenStreams);
        Assert.Equal(1, driver.Host.Control.StreamsOpened);
        Assert.Equal(1, driver.Supervisor.ActiveAccounts);
    }

    [Fact]
    public async Task SubscribingToOneOrderSendsOnlyItsUpdatesAndAnotherUsersOrderIsNotFound()
    {
        await using var driver = new StreamDriver(output: output);
        await driver.Orders.ConnectAsync("app-alice", "alice");
        await driver.Orders.ConnectAsync("app-bob", "bob");
        var (watched, _) = await driver.BuyAsync("watched");
        var (other, _) = await driver.BuyAsync("other");
        var socket = await driver.SubscribeAsync("app-alice", watched);

        driver.Host.Control.ProcessNow();
        var updates = await UpdatesUntilAsync(socket, Is(watched, "FILL"));
        Assert.All(updates, u => Assert.Equal(watched, OrderIdOf(u)));
        Assert.NotEqual(watched, other);

        await using var bob = await GraphQLSocket.ConnectAsync(driver.Host.BaseUri);
        await bob.InitAsync(driver.Host.TokenFor("app-bob"));
        await bob.SubscribeAsync("u", OrderUpdated, new { orderId = watched });
        // An error creating the source stream is an execution error: one `next` with it, then `complete`.
        var refused = await bob.ExpectAsync("next", "u");
        await bob.ExpectAsync("complete", "u");
        await bob.SubscribeAsync("v", OrderUpdated, new { orderId = Guid.NewGuid().ToString() });
        var unknown = await bob.ExpectAsync("next", "v");
        Assert.Equal("NOT_FOUND", refused.GetProperty("payload").GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal(refused.GetProperty("payload").GetRawText(), unknown.GetProperty("payload").GetRawText());
    }

    [Fact]
    public async Task AnEventNameAlpacaAddsArrivesAsUnknownWithTheOrdersState()
    {
        await using var driver = new StreamDriver(output: output);
        await driver.Orders.ConnectAsync();
        var socket = await driver.SubscribeAsync("app-alice");
        var placed = OrderDriver.Order(await driver.Orders.PlaceAsync(OrderDriver.LimitBuy("resting", "1", "1.00")));
        var id = placed.GetProperty("id").GetString()!;
        await Eventually.HoldsAsync(() => driver.Host.Control.ListeningStreams == 1, "the account's stream is listening");

        driver.Host.Control.EmitTradeUpdate(Guid.Parse(placed.GetProperty("alpacaOrderId").GetString()!), "margin_call_of_the_future");
        var updates = await UpdatesUntilAsync(socket, u => EventOf(u) == "UNKNOWN");

        Assert.Equal(id, OrderIdOf(updates[^1]));
        Assert.Equal("NEW", StatusOf(updates[^1]));
    }

    [Fact]
    public async Task AStreamThatRefusesTheTokenMarksTheConnectionReauthRequiredWithoutRetrying()
    {
        await using var driver = new StreamDriver(output: output);
        await driver.Orders.ConnectAsync();
        await using var changes = await GraphQLSocket.ConnectAsync(driver.Host.BaseUri);
        await changes.InitAsync(driver.Host.TokenFor("app-alice"));
        await changes.SubscribeAsync("c", "subscription { alpacaConnectionChanged { status } }");
        Assert.Empty((await driver.Orders.GraphQLAsync("app-alice", "{ account { cash } }")).Errors);
        var fingerprint = driver.Host.Control.Requests.Last(r => r.Route == "GET /v2/account").TokenFingerprint!;
        Assert.Equal(1, driver.Host.Control.RevokeTokenByFingerprint(fingerprint));
        driver.Host.Control.ClearRequests();

        // A subscriber makes the supervisor open the account's stream, whose handshake is the first call refused.
        await driver.SubscribeAsync("app-alice");

        var change = await changes.ExpectAsync("next", "c");
        Assert.Equal("REAUTH_REQUIRED", change.GetProperty("payload").GetProperty("data").GetProperty("alpacaConnectionChanged").GetProperty("status").GetString());
        await Eventually.HoldsAsync(() => driver.Supervisor.ActiveAccounts == 0, "the worker stops");
        await Eventually.HoldsAsync(() => driver.Host.Control.Requests.Count > 0, "the refused socket is logged");
        Assert.Equal(["GET /stream"], driver.Host.Control.Requests.Select(r => r.Route));
        Assert.Equal(1, driver.Host.Control.StreamsOpened);
        Assert.Equal(0, driver.Host.Control.OpenStreams);
    }

    [Fact]
    public async Task DisconnectingClosesTheAccountsStream()
    {
        await using var driver = new StreamDriver(output: output);
        await driver.Orders.ConnectAsync();
        await driver.SubscribeAsync("app-alice");
        await Eventually.HoldsAsync(() => driver.Host.Control.ListeningStreams == 1, "the account's stream is listening");

        var response = await driver.Orders.GraphQLAsync("app-alice", "mutation { disconnectAlpaca { connection { status } } }");
        Assert.Empty(response.Errors);

        await Eventually.HoldsAsync(() => driver.Host.Control.OpenStreams == 0, "the stream closes");
        Assert.Equal(0, driver.Supervisor.ActiveAccounts);
    }

    private static async Task<string> SourceOfAsync(StreamDriver driver, string orderId, OrderEventKind kind)
    {
        var databases = driver.Host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await using var db = await databases.CreateDbContextAsync();
        var id = Guid.Parse(orderId);
        return (await db.Set<OrderEvent>().Where(e => e.OrderId == id && e.Kind == kind).SingleAsync()).Source;
    }
}
