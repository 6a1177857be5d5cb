using AlpacaConnect.Gql.Persistence;
using AlpacaConnect.Gql.Streaming;
using AlpacaConnect.Gql.Tests.Orders;
using AlpacaConnect.Gql.Tests.Sandbox;
using AlpacaConnect.Gql.Tests.TestHost;
using AlpacaConnect.Sandbox;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;
using static AlpacaConnect.Gql.Tests.Streaming.StreamDriver;

namespace AlpacaConnect.Gql.Tests.Streaming;

/// <summary>
/// The stream supervisor cannot die quietly: a database fault is a failed cycle like a dropped socket (back off,
/// reconcile, retry), and a stream that keeps dropping spends no more than its share of the account's request budget.
/// </summary>
public sealed class SupervisionTests(ITestOutputHelper output)
{
    /// <summary>What the README promises: the stream's calls for one account in any minute, handshakes included.</summary>
    private static readonly int StreamBudgetPerMinute = new StreamingOptions().RequestBudget;

    [Fact]
    public Task ADatabaseFaultWhileRenewingTheLeaseIsRetriedAndTheNextFillStillArrives() =>
        // A lease renewed every 100 ms, so one is due soon after the fault is armed.
        TheNextFillArrivesDespiteAsync(
            (_, fault) =>
            {
                fault.Arm(DatabaseFault.LeaseRenewal);
                return Task.CompletedTask;
            },
            host => host.WithSetting("Streaming:LeaseDuration", "00:00:00.300"));

    [Fact]
    public Task ADatabaseFaultWhileHandlingAStreamEventIsRetriedAndTheNextFillStillArrives() =>
        TheNextFillArrivesDespiteAsync(async (driver, fault) =>
        {
            // An order placed at Alpaca by another app: its update matches none of ours, so the handler asks the
            // database whether one of ours still waits for its ids, and that read fails.
            fault.Arm(DatabaseFault.UnlinkedOrderCheck);
            using var elsewhere = driver.Host.Trading(SandboxEnvironment.Paper, driver.Host.Token(user: "alice"));
            using var placed = await elsewhere.PostJsonAsync("v2/orders", """{"symbol":"MSFT","qty":"1","side":"buy","type":"limit","time_in_force":"day","limit_price":"1.00"}""");
            Assert.True(placed.IsSuccessStatusCode, placed.ToString());
        });

    /// <summary>With the default share, and with one so small that the backoff alone would not keep to it.</summary>
    [Theory]
    [InlineData(null)]
    [InlineData(5)]
    public async Task AStreamAcceptedThenDroppedAtOnceSpendsNoMoreThanItsShareOfTheAccountsBudget(int? share)
    {
        var budget = share ?? StreamBudgetPerMinute;
        var time = new FakeTimeProvider(TimeProvider.System.GetUtcNow()); // app-user JWTs are checked against the real clock
        await using var driver = new StreamDriver(host => host
            .WithSetting("Streaming:RequestBudget", budget.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .WithSetting("Streaming:ReconnectInitialDelay", "00:00:01")
            .WithSetting("Streaming:ReconnectMaxDelay", "00:00:30")
            .WithSetting("Streaming:ReconcileMinInterval", "00:00:05")
            .WithServices(services => services.AddSingleton<TimeProvider>(time)), output);
        await driver.Orders.ConnectAsync();
        // A resting order keeps the account's stream needed throughout.
        await driver.Orders.PlaceAsync(OrderDriver.LimitBuy("resting", "1", "1.00"));
        await Eventually.HoldsAsync(() => driver.Host.Control.OpenStreams == 1, "the account's stream is open");
        driver.Host.Control.ClearRequests();

        // Every socket is dropped as soon as the sandbox holds it; the clock moves only while the worker waits to reconnect.
        var start = time.GetUtcNow();
        while (time.GetUtcNow() - start < TimeSpan.FromMinutes(3))
        {
            await Eventually.HoldsAsync(
                () =>
                {
                    driver.Host.Control.DropStreams();
                    return driver.Supervisor.AccountsBackingOff == 1;
                },
                "the worker waits to reconnect");
            time.Advance(TimeSpan.FromMilliseconds(200));
        }

        // Counted when each call arrived, as Alpaca counts them: a stream's request ends only when its socket closes.
        var sent = driver.Host.Control.Requests.Where(r => !r.Route.Contains("/oauth/", StringComparison.Ordinal)).Select(r => r.ArrivedAt).Order().ToList();
        var busiestMinute = sent.Select((at, i) => sent.Skip(i).TakeWhile(t => t < at + TimeSpan.FromMinutes(1)).Count()).Max();
        output.WriteLine($"{sent.Count} upstream calls in 3 minutes; at most {busiestMinute} in one minute");
        output.WriteLine(string.Join('\n', driver.Host.Control.Requests.Select(r => $"{(r.ArrivedAt - start).TotalSeconds:F1}s to {(r.At - start).TotalSeconds:F1}s {r.Route} {r.Status}")));
        Assert.InRange(busiestMinute, 1, budget);
        Assert.True(driver.Host.Control.StreamsOpened > 2, "the stream kept being reopened");
        Assert.DoesNotContain(driver.Host.Control.Requests, r => r.Status == 429);
    }

    /// <summary>
    /// A subscriber and an open order with the stream held; <paramref name="causeTheFault"/> arms the database fault and
    /// makes it happen; once it has, the order fills at Alpaca: the fill reaches the subscriber and the stream is held again.
    /// </summary>
    private async Task TheNextFillArrivesDespiteAsync(Func<StreamDriver, DatabaseFault, Task> causeTheFault, Action<SandboxHost>? configure = null)
    {
        var fault = new DatabaseFault();
        await using var driver = new StreamDriver(host =>
        {
            host.WithServices(services => services.ConfigureDbContext<AppDbContext>(db => db.AddInterceptors(fault)));
            configure?.Invoke(host);
        }, output);
        await driver.Orders.ConnectAsync();
        var socket = await driver.SubscribeAsync("app-alice");
        var (id, _) = await driver.BuyAsync("buy-1");
        await Eventually.HoldsAsync(() => driver.Host.Control.OpenStreams == 1, "the account's stream is open");

        await causeTheFault(driver, fault);
        await Eventually.HoldsAsync(() => fault.Fired == 1, "the database fault happens");
        driver.Host.Control.ProcessNow();

        var updates = await UpdatesUntilAsync(socket, Is(id, "FILL"));
        Assert.Equal("FILLED", StatusOf(updates[^1]));
        await Eventually.HoldsAsync(() => driver.Host.Control.StreamsOpened >= 2 && driver.Host.Control.OpenStreams == 1, "the stream is held again");
        Assert.Equal(1, driver.Supervisor.ActiveAccounts);
    }
}
