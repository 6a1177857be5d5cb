using AlpacaConnect.Gql.Rollout;
using AlpacaConnect.Gql.Tests.Orders;
using AlpacaConnect.Gql.Tests.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AlpacaConnect.Gql.Tests.Rollout;

/// <summary>
/// A gradual rollout: only the cohort connects and trades; a change of the cohort applies without a restart; users
/// outside it keep reading and cancelling what they have.
/// </summary>
public sealed class RolloutTests : IDisposable
{
    private const string Connect = """
        mutation { connectAlpaca(input: { environment: PAPER, returnTo: "https://app.test/alpaca/done" }) { authorizationUrl errors { ... on Error { code } } } }
        """;

    private const string Cancel = "mutation($input: CancelOrderInput!) { cancelOrder(input: $input) { order { status } errors { ... on Error { code } } } }";

    private readonly OrderDriver _driver = new(host => host
        .WithSetting("Rollout:Cohort", "Listed")
        .WithSetting("Rollout:Users:0", "app-alice")
        .WithSetting("Rollout:Users:1", "app-bob"));

    public void Dispose() => _driver.Dispose();

    [Fact]
    public async Task AUserOutsideTheCohortCannotConnect()
    {
        var response = await _driver.GraphQLAsync("app-carol", Connect);

        var payload = response.Data.GetProperty("connectAlpaca");
        Assert.Equal(["NOT_IN_ROLLOUT"], OrderDriver.Codes(payload));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, payload.GetProperty("authorizationUrl").ValueKind);
    }

    [Fact]
    public async Task ShrinkingTheCohortStopsTradingWithoutARestartWhileReadsAndCancelsStillWork()
    {
        await _driver.ConnectAsync();
        await _driver.ConnectAsync("app-bob", "bob");
        var open = OrderDriver.Order(await _driver.PlaceAsync(OrderDriver.LimitBuy("open-1", qty: "1", limitPrice: "150"))).GetProperty("id").GetString();

        var configuration = (IConfigurationRoot)_driver.Host.Services.GetRequiredService<IConfiguration>();
        configuration["Rollout:Users:0"] = "app-dave";
        configuration.Reload();

        Assert.Equal(["NOT_IN_ROLLOUT"], OrderDriver.Codes(await _driver.PlaceAsync(OrderDriver.MarketBuy("outside-1"))));
        Assert.Empty(OrderDriver.Codes(await _driver.PlaceAsync(OrderDriver.MarketBuy("inside-1"), user: "app-bob")));
        Assert.Equal(2, _driver.OrderPosts);
        var connection = await _driver.GraphQLAsync("app-alice", "{ alpacaConnection { status } }");
        Assert.Equal("CONNECTED", connection.Data.GetProperty("alpacaConnection").GetProperty("status").GetString());
        var cancelled = await _driver.GraphQLAsync("app-alice", Cancel, new { input = new { orderId = open } });
        Assert.Equal("PENDING_CANCEL", cancelled.Data.GetProperty("cancelOrder").GetProperty("order").GetProperty("status").GetString());
    }

    [Fact]
    public void APercentageRolloutIsStableAcrossProcessesAndOnlyGrows()
    {
        var users = Enumerable.Range(0, 1000).Select(i => $"user-{i}").ToList();

        // SHA-256 of the id, not string.GetHashCode: the same bucket on every instance and after every restart.
        Assert.Equal(RolloutBuckets.Of("app-alice"), RolloutBuckets.Of(new string("app-alice".ToCharArray())));
        Assert.Equal(PinnedBucket, RolloutBuckets.Of("app-alice"));
        Assert.DoesNotContain(users, u => RolloutBuckets.Admits(u, 0));
        Assert.Equal(users.Count, users.Count(u => RolloutBuckets.Admits(u, 100)));
        var ten = users.Where(u => RolloutBuckets.Admits(u, 10)).ToHashSet();
        var thirty = users.Where(u => RolloutBuckets.Admits(u, 30)).ToHashSet();
        Assert.Subset(thirty, ten);
        Assert.InRange(thirty.Count, 240, 360);
    }

    [Fact]
    public void AListedCohortWithNobodyOnItStopsTheServerAtStartUp()
    {
        using var app = new ApiFactory().WithSetting("Rollout:Cohort", "Listed");

        var error = OptionsFailure.Of(() => app.CreateClient());

        Assert.Contains("Rollout:Users is empty", error.Message, StringComparison.Ordinal);
    }

    /// <summary>The bucket of <c>app-alice</c>: a change of the hash would move users in and out of a running beta.</summary>
    private const int PinnedBucket = 52;
}
