using System.Net.WebSockets;
using AlpacaConnect.Sandbox;

namespace AlpacaConnect.Gql.Tests.Sandbox;

/// <summary>The trade_updates WebSocket protocol (WS-DOC).</summary>
public sealed class StreamConformanceTests : IClassFixture<SandboxHost>
{
    private readonly SandboxHost _host;

    public StreamConformanceTests(SandboxHost host)
    {
        _host = host;
        host.Control.Reset();
    }

    [Fact]
    public async Task ThePaperStreamAuthorizesListensAndSendsBinaryFrames()
    {
        var token = _host.Token();
        await using var stream = await _host.StreamAsync(SandboxEnvironment.Paper);

        var auth = await stream.AuthenticateAsync(token);
        var listening = await stream.ListenAsync();
        var order = await (await _host.Trading(SandboxEnvironment.Paper, token).PostJsonAsync("v2/orders",
            """{"symbol":"AAPL","qty":"1","side":"buy","type":"limit","limit_price":"100","time_in_force":"day"}""")).JsonAsync();
        var update = await stream.NextEventAsync("new");

        Assert.Equal("""{"stream":"authorization","data":{"status":"authorized","action":"authenticate"}}""", auth.GetRawText());
        Assert.Equal("""{"stream":"listening","data":{"streams":["trade_updates"]}}""", listening.GetRawText());
        Assert.Equal(WebSocketMessageType.Binary, stream.LastFrameType);
        Assert.Equal(order.Str("id"), update.GetProperty("order").Str("id"));
        Assert.EndsWith("Z", update.Str("timestamp"), StringComparison.Ordinal);
        Assert.Equal(26, update.Str("event_id").Length);
    }

    [Fact]
    public async Task TheLiveStreamSendsTextFramesAndFillsCarryStringQuantities()
    {
        var token = _host.Token(SandboxEnvironment.Live);
        await using var stream = await _host.StreamAsync(SandboxEnvironment.Live);
        await stream.AuthenticateAsync(token);
        await stream.ListenAsync();
        _host.Control.SetPrice("TSLA", 250m);

        await _host.Trading(SandboxEnvironment.Live, token).PostJsonAsync("v2/orders", """{"symbol":"TSLA","qty":"3","side":"buy","type":"market","time_in_force":"day"}""");
        _host.Control.ProcessNow();
        var fill = await stream.NextEventAsync("fill");

        Assert.Equal(WebSocketMessageType.Text, stream.LastFrameType);
        Assert.Equal(250.01m, fill.Dec("price"));
        Assert.Equal(3m, fill.Dec("qty"));
        Assert.Equal(3m, fill.Dec("position_qty"));
        Assert.True(Guid.TryParse(fill.Str("execution_id"), out _));
        Assert.Equal("filled", fill.GetProperty("order").Str("status"));
        Assert.Equal(3m, fill.GetProperty("order").Dec("filled_qty"));
    }

    [Fact]
    public async Task TheControlSurfaceTellsWhenAnOrdersEventLeftForTheSockets()
    {
        var token = _host.Token();
        await using var stream = await _host.StreamAsync(SandboxEnvironment.Paper);
        await stream.AuthenticateAsync(token);
        await stream.ListenAsync();
        _host.Control.SetPrice("AAPL", 100m);
        var before = System.Diagnostics.Stopwatch.GetTimestamp();

        await _host.Trading(SandboxEnvironment.Paper, token).PostJsonAsync("v2/orders",
            """{"symbol":"AAPL","qty":"1","side":"buy","type":"market","time_in_force":"day","client_order_id":"emitted-1"}""");
        _host.Control.ProcessNow();
        await stream.NextEventAsync("fill");
        using var http = _host.Http();
        using var fill = await http.GetAsync(new Uri("/sandbox/control/streams/emitted?clientOrderId=emitted-1&event=fill", UriKind.Relative));
        using var unknown = await http.GetAsync(new Uri("/sandbox/control/streams/emitted?clientOrderId=emitted-1&event=canceled", UriKind.Relative));

        var stamp = (await fill.JsonAsync()).GetProperty("timestamp").GetInt64();
        Assert.InRange(stamp, before, System.Diagnostics.Stopwatch.GetTimestamp());
        Assert.Equal(System.Net.HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task ListeningBeforeAuthenticatingAndBadTokensAreUnauthorized()
    {
        var liveOnly = _host.Token(SandboxEnvironment.Live);
        await using var stream = await _host.StreamAsync(SandboxEnvironment.Paper);

        var early = await stream.ListenAsync();
        var unknown = await stream.AuthenticateAsync(Guid.NewGuid().ToString());
        var otherEnvironment = await stream.AuthenticateAsync(liveOnly);

        Assert.Equal("""{"stream":"authorization","data":{"status":"unauthorized","action":"listen"}}""", early.GetRawText());
        Assert.Equal("""{"stream":"authorization","data":{"status":"unauthorized","action":"authenticate"}}""", unknown.GetRawText());
        Assert.Equal("unauthorized", otherEnvironment.GetProperty("data").Str("status"));
    }

    [Fact]
    public async Task EventsReachOnlyTheTokensAccountAndAreNotReplayedAfterReconnect()
    {
        var alice = _host.Token(user: "alice");
        var bob = _host.Token(user: "bob");
        await using var bobStream = await _host.StreamAsync(SandboxEnvironment.Paper);
        await bobStream.AuthenticateAsync(bob);
        await bobStream.ListenAsync();

        await _host.Trading(SandboxEnvironment.Paper, alice).PostJsonAsync("v2/orders", """{"symbol":"AAPL","qty":"1","side":"buy","type":"limit","limit_price":"100","time_in_force":"day"}""");
        var bobOrder = await (await _host.Trading(SandboxEnvironment.Paper, bob).PostJsonAsync("v2/orders",
            """{"symbol":"MSFT","qty":"1","side":"buy","type":"limit","limit_price":"100","time_in_force":"day"}""")).JsonAsync();
        var first = await bobStream.NextEventAsync("new");

        await using var late = await _host.StreamAsync(SandboxEnvironment.Paper);
        await late.AuthenticateAsync(bob);
        await late.ListenAsync();
        await _host.Trading(SandboxEnvironment.Paper, bob).DeleteAsync($"v2/orders/{bobOrder.Str("id")}");
        var next = await late.NextEventAsync("pending_cancel");

        Assert.Equal(bobOrder.Str("id"), first.GetProperty("order").Str("id")); // alice's order never reached bob
        Assert.Equal(bobOrder.Str("id"), next.GetProperty("order").Str("id"));   // the late socket starts at the cancel, not at "new"
    }

    [Fact]
    public async Task RevokingTheTokenClosesItsStreamAndItCannotAuthenticateAgain()
    {
        var token = _host.Token();
        await using var stream = await _host.StreamAsync(SandboxEnvironment.Paper);
        await stream.AuthenticateAsync(token);
        await stream.ListenAsync();

        _host.Control.RevokeToken(token);
        await using var again = await _host.StreamAsync(SandboxEnvironment.Paper);

        Assert.True(await stream.EndsAsync());
        Assert.Equal("unauthorized", (await again.AuthenticateAsync(token)).GetProperty("data").Str("status"));
    }
}
