using System.Net;
using AlpacaConnect.Sandbox;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AlpacaConnect.Gql.Tests.Sandbox;

/// <summary>Alpaca's per-minute limit with <c>X-Ratelimit-*</c> headers (here 3 a minute, on a fake clock).</summary>
public sealed class RateLimitTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 15, 0, 10, TimeSpan.Zero));
    private readonly SandboxHost _host = new();

    public RateLimitTests() =>
        _host.WithSetting("Sandbox:RateLimit:RequestsPerMinute", "3").WithServices(s => s.AddSingleton<TimeProvider>(_time));

    [Fact]
    public async Task PastTheLimitRequestsGet429UntilTheWindowResets()
    {
        var paper = _host.Trading(SandboxEnvironment.Paper, _host.Token());
        var remaining = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            using var ok = await paper.GetAsync("v2/clock");
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
            Assert.Equal("3", ok.Headers.GetValues("X-Ratelimit-Limit").Single());
            remaining.Add(ok.Headers.GetValues("X-Ratelimit-Remaining").Single());
        }

        using var limited = await paper.GetAsync("v2/orders");
        var reset = long.Parse(limited.Headers.GetValues("X-Ratelimit-Reset").Single(), System.Globalization.CultureInfo.InvariantCulture);
        using var otherToken = await _host.Trading(SandboxEnvironment.Paper, _host.Token(user: "bob")).GetAsync("v2/clock");
        _time.Advance(TimeSpan.FromMinutes(1));
        using var nextWindow = await paper.GetAsync("v2/clock");

        Assert.Equal(["2", "1", "0"], remaining);
        await limited.AssertErrorAsync(429, null, "rate limit exceeded");
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 15, 1, 0, TimeSpan.Zero).ToUnixTimeSeconds(), reset);
        Assert.Equal(HttpStatusCode.OK, otherToken.StatusCode); // counted per token by default
        Assert.Equal(HttpStatusCode.OK, nextWindow.StatusCode);
    }

    public void Dispose() => _host.Dispose();
}
