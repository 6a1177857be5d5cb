namespace AlpacaConnect.Gql.Tests.Orders;

/// <summary>
/// Issue 13, done-when 2 on SQLite: a daily order cap stays exact when one user sends 200 orders at once, so the atomic
/// reservation that replaces the per-user lock must count as strictly as the lock did.
/// </summary>
public sealed class DailyCapConcurrencyTests
{
    [Fact]
    public async Task TwoHundredConcurrentOrdersUnderADailyCapOfTwentyPlaceExactlyTwenty()
    {
        using var driver = new OrderDriver(host =>
        {
            foreach (var (key, value) in DailyCapBurst.Settings)
            {
                host.WithSetting(key, value);
            }
        });
        await driver.ConnectAsync();

        var payloads = await Task.WhenAll(Enumerable.Range(0, DailyCapBurst.Calls).Select(i => driver.PlaceAsync(DailyCapBurst.RestingBuy(i))));

        DailyCapBurst.AssertExactlyTheCapPlaced(payloads);
        Assert.Equal(DailyCapBurst.Cap, driver.OrderPosts);
        Assert.Equal(DailyCapBurst.Cap, (await driver.SandboxOrdersAsync()).Count);
    }
}
