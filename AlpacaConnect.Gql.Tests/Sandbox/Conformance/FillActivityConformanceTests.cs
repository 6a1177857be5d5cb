namespace AlpacaConnect.Gql.Tests.Sandbox.Conformance;

/// <summary>
/// The spec types an activity as <c>oneOf</c> a trade or a non-trade activity, and a non-trade activity accepts almost
/// any object, so each FILL activity is held to <c>TradingActivities</c> itself, plus the fields the server reads
/// (facts-more 2), and the paging the server relies on: <c>order_id</c>, <c>direction=asc</c>, <c>page_token</c>.
/// </summary>
public sealed class FillActivityConformanceTests(SandboxHost host) : IClassFixture<SandboxHost>
{
    [Fact]
    public async Task EachFillActivityIsATradeActivityWithTheFieldsTheServerReads()
    {
        var scene = await SimulatorScene.SetUpAsync(host);
        using var response = await scene.Paper.GetAsync("v2/account/activities/FILL?direction=asc");
        var activities = await response.JsonAsync();

        Assert.Equal(3, activities.GetArrayLength());
        var schema = OpenApiContract.Trading.ComponentSchema("TradingActivities", AlpacaSpecDeviations.Trading);
        foreach (var activity in activities.EnumerateArray())
        {
            Assert.Empty(SchemaCheck.Problems(schema, activity));
            foreach (var field in new[] { "id", "activity_type", "transaction_time", "type", "price", "qty", "cum_qty", "leaves_qty", "side", "symbol", "order_id", "order_status" })
            {
                Assert.True(activity.TryGetProperty(field, out _), $"{field} in {activity}");
            }

            Assert.Matches("^[0-9]{17}::[0-9a-f-]{36}$", activity.Str("id"));
        }
    }

    [Fact]
    public async Task AnOrdersActivitiesArePagedByTheLastId()
    {
        var scene = await SimulatorScene.SetUpAsync(host);
        using var all = await scene.Paper.GetAsync("v2/account/activities?activity_types=FILL&direction=asc");
        var ids = (await all.JsonAsync()).EnumerateArray().Select(a => a.Str("id")).ToList();

        using var first = await scene.Paper.GetAsync("v2/account/activities/FILL?direction=asc&page_size=2");
        var page = (await first.JsonAsync()).EnumerateArray().Select(a => a.Str("id")).ToList();
        using var next = await scene.Paper.GetAsync($"v2/account/activities/FILL?direction=asc&page_size=2&page_token={page[^1]}");
        page.AddRange((await next.JsonAsync()).EnumerateArray().Select(a => a.Str("id")));
        using var byOrder = await scene.Paper.GetAsync($"v2/account/activities/FILL?order_id={scene.FilledOrderId}");
        var ofOrder = await byOrder.JsonAsync();
        using var badType = await scene.Paper.GetAsync("v2/account/activities/FFFFF");

        Assert.Equal(3, ids.Count);
        Assert.Equal(ids, page);
        Assert.Equal(scene.FilledOrderId, Assert.Single(ofOrder.EnumerateArray()).Str("order_id"));
        Assert.Equal(422, (int)badType.StatusCode);
    }
}
