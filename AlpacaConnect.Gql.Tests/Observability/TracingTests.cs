using System.Collections.Concurrent;
using System.Diagnostics;
using AlpacaConnect.Gql.Observability;
using AlpacaConnect.Gql.Tests.Orders;
using AlpacaConnect.Gql.Tests.Sandbox;

namespace AlpacaConnect.Gql.Tests.Observability;

/// <summary>Spans name the operation and the route, never the document, the variables or the filled path.</summary>
public sealed class TracingTests : IDisposable
{
    private readonly ConcurrentQueue<Activity> _stopped = new();
    private readonly ActivityListener _listener;
    private readonly OrderDriver _driver = new();

    public TracingTests()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == AppActivities.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public void Dispose()
    {
        _listener.Dispose();
        _driver.Dispose();
    }

    [Fact]
    public async Task AGraphQLOperationIsASpanWithItsAlpacaCallsAsChildSpans()
    {
        await _driver.ConnectAsync();

        var placed = await _driver.GraphQLAsync("app-alice",
            "mutation TracedPlacement($input: PlaceOrderInput!) { placeOrder(input: $input) { order { alpacaOrderId } errors { ... on Error { code } } } }",
            new { input = OrderDriver.MarketBuy("traced-key-1", symbol: "MSFT") });
        var alpacaOrderId = placed.Data.GetProperty("placeOrder").GetProperty("order").Str("alpacaOrderId");

        // The spans of other tests running at the same time are told apart by this test's operation name.
        var operation = Assert.Single(_stopped, a => a.DisplayName == "mutation TracedPlacement");
        Assert.Equal("mutation", operation.GetTagItem("graphql.operation.type"));
        Assert.Equal("TracedPlacement", operation.GetTagItem("graphql.operation.name"));
        Assert.Equal(ActivityStatusCode.Unset, operation.Status);
        var calls = _stopped.Where(a => a.TraceId == operation.TraceId && a.Kind == ActivityKind.Client).ToList();
        var post = Assert.Single(calls, c => c.DisplayName == "POST /v2/orders");
        Assert.Equal(200, post.GetTagItem("http.response.status_code"));
        Assert.Equal("/v2/orders", post.GetTagItem("url.template"));
        Assert.Equal(operation.SpanId, post.ParentSpanId);
        Assert.Contains(calls, c => c.DisplayName == "GET /v2/stocks/{symbol}/quotes/latest");

        var tagged = string.Join('\n', _stopped.Where(a => a.TraceId == operation.TraceId)
            .SelectMany(a => a.TagObjects.Select(t => $"{t.Key}={t.Value}").Append(a.DisplayName)));
        Assert.DoesNotContain("placeOrder", tagged, StringComparison.Ordinal);
        Assert.DoesNotContain("traced-key-1", tagged, StringComparison.Ordinal);
        Assert.DoesNotContain("MSFT", tagged, StringComparison.Ordinal);
        Assert.DoesNotContain(alpacaOrderId, tagged, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATopLevelErrorMarksTheOperationSpanWithItsCode()
    {
        await _driver.GraphQLAsync("nobody", "query TracedFailure { alpacaConnection { status } __typename nope }");

        var operation = Assert.Single(_stopped, a => a.DisplayName == "query TracedFailure");
        Assert.Equal(ActivityStatusCode.Error, operation.Status);
        Assert.Equal("VALIDATION_FAILED", operation.GetTagItem("graphql.error.codes"));
    }
}
