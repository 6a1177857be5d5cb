using System.Net;
using System.Text;
using AlpacaConnect.Sandbox;
using AlpacaConnect.Sandbox.Faults;

namespace AlpacaConnect.Gql.Tests.Sandbox;

/// <summary>Every fault kind, as a client of the sandbox observes it, and reproducible under the seed.</summary>
public sealed class FaultInjectionTests : IClassFixture<SandboxHost>
{
    private const string MarketBuy = """{"symbol":"AAPL","qty":"1","side":"buy","type":"market","time_in_force":"day","client_order_id":"lost-1"}""";
    private readonly SandboxHost _host;
    private readonly HttpClient _paper;

    public FaultInjectionTests(SandboxHost host)
    {
        _host = host;
        host.Control.Reset();
        _paper = host.Trading(SandboxEnvironment.Paper, host.Token());
    }

    [Fact]
    public async Task LatencyDelaysTheAnswerPastTheClientsTimeout()
    {
        _host.Control.AddFault(new FaultRule { Route = "GET /v2/account", Kind = FaultKind.Latency, Latency = TimeSpan.FromMinutes(5) });
        using var impatient = _host.Trading(SandboxEnvironment.Paper, _host.Token());
        impatient.Timeout = TimeSpan.FromMilliseconds(300);

        await Assert.ThrowsAsync<TaskCanceledException>(() => impatient.GetAsync("v2/account"));
        using var afterwards = await _paper.GetAsync("v2/account");
        Assert.Equal(HttpStatusCode.OK, afterwards.StatusCode);
    }

    [Fact]
    public async Task AServerErrorFaultAnswers5xxForItsCountThenRecovers()
    {
        _host.Control.AddFault(new FaultRule { Route = "GET /v2/positions", Kind = FaultKind.ServerError, Status = 502, Count = 2 });

        var statuses = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await _paper.GetAsync("v2/positions");
            statuses.Add((int)response.StatusCode);
        }

        Assert.Equal([502, 502, 200], statuses);
        Assert.Equal(["ServerError", "ServerError", null], _host.Control.Requests.Select(r => r.Fault));
    }

    [Fact]
    public async Task ARateLimitFaultAnswers429WithExhaustedHeaders()
    {
        _host.Control.AddFault(new FaultRule { Route = "POST /v2/orders", Kind = FaultKind.RateLimited });

        using var response = await _paper.PostJsonAsync("v2/orders", MarketBuy);

        await response.AssertErrorAsync(429, null, "rate limit exceeded");
        Assert.Equal("0", response.Headers.GetValues("X-Ratelimit-Remaining").Single());
        using var lookup = await _paper.GetAsync("v2/orders:by_client_order_id?client_order_id=lost-1");
        Assert.Equal(HttpStatusCode.NotFound, lookup.StatusCode); // nothing was placed
    }

    [Fact]
    public async Task ADroppedConnectionFailsTheRequestWithoutAnAnswer()
    {
        _host.Control.AddFault(new FaultRule { Route = "POST /v2/orders", Kind = FaultKind.DropConnection });

        await Assert.ThrowsAsync<HttpRequestException>(() => _paper.PostJsonAsync("v2/orders", MarketBuy));
        using var lookup = await _paper.GetAsync("v2/orders:by_client_order_id?client_order_id=lost-1");
        Assert.Equal(HttpStatusCode.NotFound, lookup.StatusCode);
        Assert.True(_host.Control.Requests[0].Aborted);
    }

    [Fact]
    public async Task ALostResponseStillCreatesTheOrderWhichTheClientFindsByClientOrderId()
    {
        _host.Control.AddFault(new FaultRule { Route = "POST /v2/orders", Kind = FaultKind.LoseResponse });

        await Assert.ThrowsAsync<HttpRequestException>(() => _paper.PostJsonAsync("v2/orders", MarketBuy));
        using var lookup = await _paper.GetAsync("v2/orders:by_client_order_id?client_order_id=lost-1");

        Assert.Equal(HttpStatusCode.OK, lookup.StatusCode);
        Assert.Equal("new", (await lookup.JsonAsync()).Str("status"));
        var logged = _host.Control.Requests[0];
        Assert.Equal(("POST /v2/orders", 200, "LoseResponse", true), (logged.Route, logged.Status, logged.Fault, logged.Aborted));
    }

    [Fact]
    public async Task ALostResponseCanSurfaceAsAGatewayTimeoutSetOverHttp()
    {
        using var control = _host.Http();
        using var added = await control.PostAsync($"{SandboxPaths.Control}/faults", new StringContent(
            """{"route":"POST /v2/orders","kind":"LoseResponse","status":504,"environment":"Paper"}""", Encoding.UTF8, "application/json"));

        using var response = await _paper.PostJsonAsync("v2/orders", MarketBuy);
        using var lookup = await _paper.GetAsync("v2/orders:by_client_order_id?client_order_id=lost-1");

        Assert.Equal(HttpStatusCode.NoContent, added.StatusCode);
        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, lookup.StatusCode);
    }

    [Fact]
    public async Task DroppingStreamsAbortsTheSockets()
    {
        var token = _host.Token();
        await using var stream = await _host.StreamAsync(SandboxEnvironment.Paper);
        await stream.AuthenticateAsync(token);
        await stream.ListenAsync();

        using var control = _host.Http();
        using var dropped = await control.PostAsync($"{SandboxPaths.Control}/streams/drop", null);

        Assert.Equal(1, (await dropped.JsonAsync()).GetProperty("dropped").GetInt32());
        Assert.True(await stream.EndsAsync());
    }

    [Fact]
    public async Task TheSameSeedAndTheSameCallsGiveTheSameOutcome()
    {
        var first = await RunAsync(_host);
        _host.Control.Reset();
        var again = await RunAsync(_host);
        using var otherProcess = new SandboxHost();
        var fresh = await RunAsync(otherProcess);
        using var otherSeed = new SandboxHost();
        otherSeed.WithSetting("Sandbox:Seed", "7");
        var different = await RunAsync(otherSeed);

        Assert.Contains("503", first.Statuses, StringComparison.Ordinal);
        Assert.Contains("200", first.Statuses, StringComparison.Ordinal);
        Assert.Equal(first, again);
        Assert.Equal(first, fresh);
        Assert.NotEqual(first.Statuses, different.Statuses);
    }

    /// <summary>Coin-flip faults, a seeded random walk and an order id: all drawn from the seed.</summary>
    private static async Task<Outcome> RunAsync(SandboxHost host)
    {
        host.Control.AddFault(new FaultRule { Route = "GET /v2/account", Kind = FaultKind.ServerError, Count = null, Probability = 0.5 });
        using var paper = host.Trading(SandboxEnvironment.Paper, host.Token());
        var statuses = new List<int>();
        for (var i = 0; i < 24; i++)
        {
            using var response = await paper.GetAsync("v2/account");
            statuses.Add((int)response.StatusCode);
        }

        host.Control.Tick(steps: 25);
        var order = await (await paper.PostJsonAsync("v2/orders", """{"symbol":"SPY","qty":"1","side":"buy","type":"market","time_in_force":"day"}""")).JsonAsync();
        return new Outcome(string.Join(",", statuses), host.Control.Quote("SPY").Last, order.Str("id"));
    }

    private sealed record Outcome(string Statuses, decimal SpyPrice, string FirstOrderId);
}
