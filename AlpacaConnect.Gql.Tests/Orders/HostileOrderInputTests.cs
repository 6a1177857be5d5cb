using System.Text.Json;

namespace AlpacaConnect.Gql.Tests.Orders;

/// <summary>
/// Amounts at the edge of <c>decimal</c> and symbols of no shape Alpaca uses are typed input errors, caught before any
/// arithmetic or any URL is built, with no exception type or upstream path in the answer.
/// </summary>
public sealed class HostileOrderInputTests : IDisposable
{
    private const string Close = """
        mutation($input: ClosePositionInput!) {
          closePosition(input: $input) { order { id } errors { __typename ... on Error { code message } ... on OrderInvalidError { field } } }
        }
        """;

    private const string Huge = "79228162514264337593543950335";

    private readonly OrderDriver _driver = new(host => host.WithSetting("GraphQL:ExposeExceptionDetails", "false"));

    public void Dispose() => _driver.Dispose();

    public static TheoryData<string, string?, string?, string> Amounts => new()
    {
        { Huge, null, null, "qty" },
        { "79228162514264337593543950", null, null, "qty" },
        { null!, "79228162514264337593543950.33", null, "notional" },
        { "2", null, "39614081257132168796771975168", "limitPrice" },
        { "100000000000000", null, "100", "qty" },
    };

    [Theory]
    [MemberData(nameof(Amounts))]
    public async Task AmountsWhoseArithmeticWouldOverflowAreOrderInvalid(string? qty, string? notional, string? limitPrice, string field)
    {
        await _driver.ConnectAsync();
        var input = new Dictionary<string, object?>
        {
            ["idempotencyKey"] = $"huge-{Guid.NewGuid():N}", ["symbol"] = "AAPL", ["side"] = "BUY",
            ["type"] = limitPrice is null ? "MARKET" : "LIMIT", ["timeInForce"] = "DAY", ["qty"] = qty, ["notional"] = notional, ["limitPrice"] = limitPrice,
        };

        var response = await _driver.GraphQLAsync("app-alice", OrderDriver.PlaceOrder, new { input });

        Assert.True(response.Errors.Count == 0, response.Raw);
        var error = Assert.Single(response.Data.GetProperty("placeOrder").GetProperty("errors").EnumerateArray());
        Assert.Equal("ORDER_INVALID", error.GetProperty("code").GetString());
        Assert.Equal(field, error.GetProperty("field").GetString());
        Assert.Equal(0, _driver.OrderPosts);
    }

    [Fact]
    public async Task AClosingQuantityAtTheEdgeOfDecimalIsOrderInvalid()
    {
        await _driver.ConnectAsync();

        var payload = await CloseAsync("AAPL", qty: Huge);

        Assert.Equal("qty", SingleInvalidField(payload));
    }

    [Theory]
    [InlineData(".")]
    [InlineData("..")]
    [InlineData("AAPL/..")]
    [InlineData("%2e")]
    [InlineData("A?B")]
    [InlineData("A#B")]
    [InlineData("A B")]
    [InlineData("AAPL\u0000")]
    [InlineData("ÄPPL")]
    [InlineData("BTC//USD")]
    public async Task SymbolsOfNoShapeAlpacaUsesAreRefusedBeforeAnyUpstreamCall(string symbol)
    {
        await _driver.ConnectAsync();
        var before = _driver.Host.Control.Requests.Count;

        var payload = await CloseAsync(symbol, percentage: "100");

        Assert.Equal("symbol", SingleInvalidField(payload));
        Assert.Equal(before, _driver.Host.Control.Requests.Count);
    }

    [Theory]
    [InlineData("BRK.B")]
    [InlineData("btc/usd")]
    [InlineData("AAPL250117C00150000")]
    public async Task SymbolsOfAlpacasShapesStillReachAlpaca(string symbol)
    {
        await _driver.ConnectAsync();

        var payload = await CloseAsync(symbol, percentage: "100");

        Assert.Equal("POSITION_NOT_FOUND", Assert.Single(payload.GetProperty("errors").EnumerateArray()).GetProperty("code").GetString());
    }

    private async Task<JsonElement> CloseAsync(string symbol, string? qty = null, string? percentage = null)
    {
        var response = await _driver.GraphQLAsync("app-alice", Close,
            new { input = new { symbol, qty, percentage, idempotencyKey = $"close-{Guid.NewGuid():N}" } });
        Assert.True(response.Errors.Count == 0, response.Raw);
        Assert.DoesNotMatch(@"\w+Exception|System\.|/v2/|/sandbox/", response.Raw);
        return response.Data.GetProperty("closePosition");
    }

    private static string SingleInvalidField(JsonElement payload)
    {
        var error = Assert.Single(payload.GetProperty("errors").EnumerateArray());
        Assert.Equal("ORDER_INVALID", error.GetProperty("code").GetString());
        return error.GetProperty("field").GetString()!;
    }
}
