using AlpacaConnect.Gql.Alpaca;
using AlpacaConnect.Gql.Tests.Connections;
using AlpacaConnect.Gql.Tests.Orders;
using AlpacaConnect.Gql.Tests.Sandbox;
using AlpacaConnect.Gql.Tests.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace AlpacaConnect.Gql.Tests.Observability;

/// <summary>Nobody finds a token in a log: every log line of a connect-and-order flow at Trace level, scanned for secrets.</summary>
public sealed class LogSecrecyTests
{
    [Fact]
    public async Task AConnectAndOrderFlowLogsNoSecretEvenAtTraceLevel()
    {
        var logs = new LogCapture();
        var time = new FakeTimeProvider(TimeProvider.System.GetUtcNow()); // app-user JWTs are checked against the real clock
        using var driver = new OrderDriver(host => host
            .WithSetting("Logging:LogLevel:Default", "Trace")
            .WithSetting("Logging:LogLevel:Microsoft", "Trace")
            .WithSetting("Logging:LogLevel:System.Net.Http.HttpClient", "Trace")
            .WithSetting("Logging:LogLevel:Polly", "Trace")
            .WithSetting("Logging:LogLevel:Microsoft.AspNetCore", "Trace")
            .WithSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore", "Trace")
            .WithSetting("Sandbox:Tokens:ExpiresIn", "00:10:00") // tokens that expire, so a refresh token exists and is used
            .WithSetting("Alpaca:TokenRefreshSkew", "00:09:00")
            .WithServices(services => services.AddSingleton<ILoggerProvider>(logs).AddSingleton<TimeProvider>(time)));
        using var connect = new ConnectDriver(driver.Host);

        var authorize = await connect.StartAsync("app-alice");
        var store = driver.Host.Services.GetRequiredService<IAlpacaCredentialStore>();
        var callback = await connect.DecideAsync(authorize);
        var (_, back, _) = await connect.CallbackAsync(callback);
        var completionCode = ConnectDriver.QueryValue(back!, "completionCode");
        var completed = await connect.CompleteAsync("app-alice", completionCode);
        var connectionId = Guid.Parse(completed.Data.GetProperty("completeAlpacaConnection").GetProperty("connection").Str("id"));
        var issued = (await store.GetAsync(connectionId, CancellationToken.None))!;
        Assert.Empty(OrderDriver.Codes(await driver.PlaceAsync(OrderDriver.MarketBuy("log-1"))));
        time.Advance(TimeSpan.FromSeconds(61));
        Assert.Empty(OrderDriver.Codes(await driver.PlaceAsync(OrderDriver.LimitBuy("log-2", "1", "150"))));
        Assert.Equal(["GUARDRAIL_VIOLATION"], OrderDriver.Codes(await driver.PlaceAsync(OrderDriver.MarketBuy("log-3", "20000"))).Distinct());
        var refreshed = (await store.GetAsync(connectionId, CancellationToken.None))!;
        await using (var socket = await GraphQLSocket.ConnectAsync(driver.Host.BaseUri))
        {
            await socket.InitAsync(driver.Host.TokenFor("app-alice"));
            await socket.SubscribeAsync("q", "{ alpacaConnection { status } }");
            await socket.ExpectAsync("next", "q");
            await socket.ExpectAsync("complete", "q");
        }

        string[] secrets =
        [
            driver.Host.OAuthClient.ClientSecret,
            ConnectDriver.QueryValue(authorize, "state"),
            ConnectDriver.QueryValue(callback, "code"),
            completionCode,
            issued.AccessToken, issued.RefreshToken!,
            refreshed.AccessToken, refreshed.RefreshToken!,
        ];
        Assert.NotEqual(issued.AccessToken, refreshed.AccessToken); // the refresh happened, with both pairs in play
        Assert.All(secrets, secret => Assert.True(secret.Length >= 16, secret));
        var text = logs.Text;
        Assert.Contains("Trace Microsoft.AspNetCore", text, StringComparison.Ordinal); // the capture really is at Trace
        Assert.Contains("/auth/alpaca/callback", text, StringComparison.Ordinal);
        Assert.All(secrets, secret => Assert.DoesNotContain(secret, text, StringComparison.Ordinal));
        Assert.DoesNotContain("eyJ", text, StringComparison.Ordinal); // no app JWT (every Authorization header to us is one)
        Assert.DoesNotMatch(@"(?i)bearer\s+(?!\*\*\*)[A-Za-z0-9\-._~+/]{8,}", text);

        // None of it thanks to luck: what the redaction layer had to mask came from the framework's own request and
        // redirect logs (URLs with code= and state=), never from this server's code.
        using var http = driver.Host.Http();
        var redacted = (await MetricsScrape.ReadAsync(http)).Matching("alpaca_connect_log_redactions_total").Select(s => s.Label("category")).ToList();
        Assert.Contains("Microsoft.AspNetCore.Hosting.Diagnostics", redacted);
        Assert.All(redacted, category => Assert.StartsWith("Microsoft.AspNetCore.", category, StringComparison.Ordinal));
    }
}
