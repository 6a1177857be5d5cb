using System.Net;
using AlpacaConnect.Gql.Alpaca;
using AlpacaConnect.Gql.Alpaca.Http;
using AlpacaConnect.Gql.GraphQL.Errors;
using Microsoft.Extensions.DependencyInjection;

namespace AlpacaConnect.Gql.Tests.Alpaca;

/// <summary>
/// The pipeline of every Alpaca call: resilience outside the per-account rate limiter outside the token handler, and
/// retries only for safe requests. An order POST is sent exactly once, whatever happens.
/// </summary>
public sealed class ResiliencePipelineTests : IDisposable
{
    private const string Unavailable = """{"message":"service unavailable"}""";

    private readonly AlpacaTestHost _host = new();

    [Theory]
    [InlineData(AlpacaHttpClientNames.TradingPaper)]
    [InlineData(AlpacaHttpClientNames.TradingLive)]
    [InlineData(AlpacaHttpClientNames.MarketData)]
    public void HandlersRunResilienceThenRateLimiterThenTokenThenHttp(string clientName)
    {
        var handler = _host.Services.GetRequiredService<IHttpMessageHandlerFactory>().CreateHandler(clientName);

        var chain = new List<HttpMessageHandler>();
        for (HttpMessageHandler? current = handler; current is not null; current = (current as DelegatingHandler)?.InnerHandler)
        {
            chain.Add(current);
        }

        var names = chain.Select(h => h.GetType().Name).ToList();
        int IndexOf(string name) => names.IndexOf(name) is >= 0 and var index ? index : throw new Xunit.Sdk.XunitException($"{name} missing from {string.Join(" → ", names)}");
        Assert.True(IndexOf("ResilienceHandler") < IndexOf(nameof(AccountRateLimitHandler)), string.Join(" → ", names));
        Assert.True(IndexOf(nameof(AccountRateLimitHandler)) < IndexOf(nameof(AccessTokenHandler)), string.Join(" → ", names));
        Assert.Same(_host.Upstream, chain[^1]);
        Assert.Single(names, "ResilienceHandler");
    }

    [Fact]
    public async Task GetAfter503IsRetriedButOrderPostIsSentOnceAndAmbiguous()
    {
        _host.Upstream.OnSequence("GET", "/sandbox/paper/v2/clock",
            () => FakeAlpaca.Json(Unavailable, HttpStatusCode.ServiceUnavailable), () => FakeAlpaca.Json(AlpacaSamples.Clock));
        _host.Upstream.OnJson("POST", "/sandbox/paper/v2/orders", Unavailable, HttpStatusCode.ServiceUnavailable);
        var trading = _host.Trading(_host.Connect());

        var clock = await trading.GetClockAsync();
        var error = await Assert.ThrowsAsync<AlpacaApiException>(() => trading.CreateOrderAsync(ResponseParsingTests.NewOrder()));

        Assert.True(clock.IsOpen);
        Assert.Equal(2, _host.Upstream.Count("GET", "/sandbox/paper/v2/clock"));
        Assert.Equal(1, _host.Upstream.Count("POST", "/sandbox/paper/v2/orders"));
        Assert.Equal((AlpacaErrorKind.Unavailable, true, "UPSTREAM_UNAVAILABLE"), (error.Kind, error.IsAmbiguous, UpstreamErrorCodes.For(error)));
    }

    [Fact]
    public async Task GetGivesUpAfterTheConfiguredRetries()
    {
        _host.Upstream.OnJson("GET", "/sandbox/paper/v2/clock", Unavailable, HttpStatusCode.BadGateway);

        var error = await Assert.ThrowsAsync<AlpacaApiException>(() => _host.Trading(_host.Connect()).GetClockAsync());

        Assert.Equal(1 + 3, _host.Upstream.Count("GET", "/sandbox/paper/v2/clock"));
        Assert.Equal((AlpacaErrorKind.Unavailable, false), (error.Kind, error.IsAmbiguous));
    }

    [Fact]
    public async Task BrokenConnectionIsRetriedForGetAndAmbiguousForOrderPost()
    {
        var attempts = 0;
        _host.Upstream.On("GET", "/sandbox/paper/v2/clock", _ => Interlocked.Increment(ref attempts) == 1
            ? throw new HttpRequestException(HttpRequestError.ResponseEnded, "connection reset")
            : FakeAlpaca.Json(AlpacaSamples.Clock));
        _host.Upstream.On("POST", "/sandbox/paper/v2/orders",
            new Func<FakeRequest, HttpResponseMessage>(_ => throw new HttpRequestException(HttpRequestError.ResponseEnded, "connection reset")));
        var trading = _host.Trading(_host.Connect());

        await trading.GetClockAsync();
        var error = await Assert.ThrowsAsync<AlpacaApiException>(() => trading.CreateOrderAsync(ResponseParsingTests.NewOrder()));

        Assert.Equal(2, attempts);
        Assert.Equal(1, _host.Upstream.Count("POST", "/sandbox/paper/v2/orders"));
        Assert.True(error.IsAmbiguous);
    }

    [Fact]
    public async Task GetAfter429WaitsUntilAlpacasResetThenRetries()
    {
        var reset = _host.Time.GetUtcNow().AddSeconds(3);
        _host.Upstream.OnSequence("GET", "/sandbox/paper/v2/clock", () => TooManyRequests(reset), () => FakeAlpaca.Json(AlpacaSamples.Clock));

        var call = _host.Trading(_host.Connect()).GetClockAsync();
        await AdvanceUntilDone(call);

        var attempts = _host.Upstream.Received;
        Assert.Equal(2, attempts.Count);
        Assert.True(attempts[1].At >= reset, $"retried at {attempts[1].At:O}, before the reset {reset:O}");
    }

    [Fact]
    public async Task GetAfter429WithAFarResetFailsWithRetryAfterInsteadOfWaiting()
    {
        _host.Upstream.On("GET", "/sandbox/paper/v2/clock", _ => TooManyRequests(_host.Time.GetUtcNow().AddSeconds(40)));

        var error = await Assert.ThrowsAsync<AlpacaRateLimitedException>(() => _host.Trading(_host.Connect()).GetClockAsync());

        Assert.Single(_host.Upstream.Received);
        Assert.Equal((TimeSpan.FromSeconds(40), "RATE_LIMITED"), (error.RetryAfter, UpstreamErrorCodes.For(error)));
    }

    [Fact]
    public async Task OrderPostAfter429IsNotRetriedAndNotAmbiguous()
    {
        _host.Upstream.On("POST", "/sandbox/paper/v2/orders", _ => TooManyRequests(_host.Time.GetUtcNow().AddSeconds(1)));

        var error = await Assert.ThrowsAsync<AlpacaRateLimitedException>(() =>
            _host.Trading(_host.Connect()).CreateOrderAsync(ResponseParsingTests.NewOrder()));

        Assert.Single(_host.Upstream.Received);
        Assert.False(error.IsAmbiguous);
        Assert.Equal(TimeSpan.FromSeconds(1), error.RetryAfter);
    }

    [Fact]
    public async Task OrderPostThatTimesOutIsAmbiguous()
    {
        var never = new TaskCompletionSource<HttpResponseMessage>();
        _host.Upstream.On("POST", "/sandbox/paper/v2/orders", _ => never.Task);

        var call = _host.Trading(_host.Connect()).CreateOrderAsync(ResponseParsingTests.NewOrder());
        var error = await Assert.ThrowsAsync<AlpacaApiException>(() => AdvanceUntilDone(call));

        Assert.Single(_host.Upstream.Received);
        Assert.Equal((AlpacaErrorKind.Timeout, true, "UPSTREAM_TIMEOUT"), (error.Kind, error.IsAmbiguous, UpstreamErrorCodes.For(error)));
    }

    [Fact]
    public async Task OpenCircuitFailsFastAndAnUnsentOrderIsNotAmbiguous()
    {
        using var host = new AlpacaTestHost(factory => factory
            .WithSetting("Alpaca:Resilience:MaxRetryAttempts", "0")
            .WithSetting("Alpaca:Resilience:CircuitMinimumThroughput", "2"));
        host.Upstream.OnJson("GET", "/sandbox/paper/v2/clock", Unavailable, HttpStatusCode.ServiceUnavailable);
        var trading = host.Trading(host.Connect());
        await Assert.ThrowsAsync<AlpacaApiException>(() => trading.GetClockAsync());
        await Assert.ThrowsAsync<AlpacaApiException>(() => trading.GetClockAsync());

        var error = await Assert.ThrowsAsync<AlpacaApiException>(() => trading.CreateOrderAsync(ResponseParsingTests.NewOrder()));

        Assert.Equal((AlpacaErrorKind.Unavailable, false), (error.Kind, error.IsAmbiguous));
        Assert.Equal(0, host.Upstream.Count("POST", "/sandbox/paper/v2/orders"));
    }

    [Fact]
    public async Task A429IsNotCountedAgainstAlpacasHealth()
    {
        using var host = new AlpacaTestHost(factory => factory
            .WithSetting("Alpaca:Resilience:MaxRetryAttempts", "0")
            .WithSetting("Alpaca:Resilience:CircuitMinimumThroughput", "2"));
        host.Upstream.On("GET", "/sandbox/paper/v2/clock", _ => TooManyRequests(host.Time.GetUtcNow().AddSeconds(30)));
        host.Upstream.OnJson("GET", "/sandbox/paper/v2/account", AlpacaSamples.Account);
        var trading = host.Trading(host.Connect());
        for (var i = 0; i < 5; i++)
        {
            await Assert.ThrowsAsync<AlpacaRateLimitedException>(() => trading.GetClockAsync());
        }

        await trading.GetAccountAsync();
    }

    private static HttpResponseMessage TooManyRequests(DateTimeOffset reset)
    {
        var response = FakeAlpaca.Json("""{"message":"rate limit exceeded"}""", HttpStatusCode.TooManyRequests);
        response.Headers.Add("X-Ratelimit-Limit", "200");
        response.Headers.Add("X-Ratelimit-Remaining", "0");
        response.Headers.Add("X-Ratelimit-Reset", reset.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
        return response;
    }

    /// <summary>Moves fake time on in small steps until <paramref name="call"/> finishes: waits cost no real time.</summary>
    private async Task AdvanceUntilDone(Task call)
    {
        for (var step = 0; !call.IsCompleted && step < 10_000; step++)
        {
            _host.Time.Advance(TimeSpan.FromMilliseconds(250));
            await Task.Delay(1);
        }

        await call;
    }

    public void Dispose() => _host.Dispose();
}
