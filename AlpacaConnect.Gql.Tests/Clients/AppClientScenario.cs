using System.Text.Json;
using AlpacaConnect.Gql.Tests.Orders;
using AlpacaConnect.Gql.Tests.Streaming;
using AlpacaConnect.Gql.Tests.TestHost;
using Xunit.Abstractions;

namespace AlpacaConnect.Gql.Tests.Clients;

/// <summary>
/// Runs an app client script of <c>Interop/</c> built on <c>app-client-scenario.mjs</c> for app-alice, connected to
/// the sandbox's alice: the client reads the user, account and guardrails, subscribes to <c>orderUpdated</c>, and
/// places a market buy itself once the server holds its subscription (which only the server can tell); the sandbox
/// fills it once the client has the mutation's answer, and the client follows it to that fill.
/// </summary>
internal static class AppClientScenario
{
    public const string User = "app-alice";

    public static async Task<Outcome> RunAsync(StreamDriver driver, string script, IEnumerable<string> args, object input, ITestOutputHelper output)
    {
        var session = new NodeSession(script, args);
        try
        {
            var queried = await session.ExpectAsync(Step("queried"));
            await session.ExpectAsync(Step("subscribed"));
            await Eventually.HoldsAsync(() => driver.Supervisor.IsAttached(User), "the client's subscription is live");
            await session.SendAsync(new { op = "place", input });
            var placed = await session.ExpectAsync(Step("placed"));
            // The sandbox fills on this call alone (its fill delay is ten minutes): NEW, then FILL, every run.
            driver.Host.Control.ProcessNow();
            var filled = await session.ExpectAsync(Step("filled"));
            return new Outcome(queried.GetProperty("result"), placed.GetProperty("result"), filled);
        }
        finally
        {
            await session.DisposeAsync();
            output.WriteLine(session.Output);
        }
    }

    private static Func<JsonElement, bool> Step(string name) => answer => answer.GetProperty("step").GetString() == name;

    /// <summary>What the client got: the account query's result, placeOrder's result, and the "filled" answer.</summary>
    public sealed record Outcome(JsonElement Query, JsonElement Placed, JsonElement Filled)
    {
        public JsonElement Order => OrderDriver.Order(Placed.GetProperty("data").GetProperty("placeOrder"));

        public string OrderId => Order.GetProperty("id").GetString()!;

        /// <summary>The updates the client received for the order it placed, in the order they arrived.</summary>
        public IReadOnlyList<JsonElement> Updates =>
            [.. Filled.GetProperty("updates").EnumerateArray().Where(u => StreamDriver.OrderIdOf(u) == OrderId)];

        /// <summary>What else the script looked at, e.g. its cache (its own header says).</summary>
        public JsonElement Report => Filled.GetProperty("report");

        /// <summary>The query and the mutation answered without errors, and the order was followed from NEW to its fill.</summary>
        public void AssertOrderFollowedToFill(string qty)
        {
            Assert.False(Query.TryGetProperty("errors", out _), Query.GetRawText());
            var data = Query.GetProperty("data");
            Assert.Equal(User, data.GetProperty("me").GetProperty("id").GetString());
            Assert.Equal("PA3ALICE0001", data.GetProperty("account").GetProperty("accountNumber").GetString());
            Assert.Equal("ACTIVE", data.GetProperty("account").GetProperty("status").GetString());
            Assert.Equal("10000", data.GetProperty("guardrails").GetProperty("maxQuantityPerOrder").GetString());
            Assert.Contains("MARKET", data.GetProperty("guardrails").GetProperty("allowedOrderTypes").EnumerateArray().Select(t => t.GetString()));

            Assert.False(Placed.TryGetProperty("errors", out _), Placed.GetRawText());
            Assert.Empty(Placed.GetProperty("data").GetProperty("placeOrder").GetProperty("errors").EnumerateArray());
            Assert.Equal("NEW", Order.GetProperty("status").GetString());
            Assert.Equal(qty, Order.GetProperty("qty").GetString());

            Assert.Equal(["NEW", "FILL"], Updates.Select(StreamDriver.EventOf));
            Assert.Equal(["NEW", "FILLED"], Updates.Select(StreamDriver.StatusOf));
            Assert.Equal(["0", qty], Updates.Select(u => u.GetProperty("order").GetProperty("filledQty").GetString()));
        }
    }
}
