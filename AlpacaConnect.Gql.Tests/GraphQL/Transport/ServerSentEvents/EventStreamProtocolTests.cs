using System.Net;
using System.Text;

namespace AlpacaConnect.Gql.Tests.GraphQL.Transport.ServerSentEvents;

/// <summary>The wire format of graphql-sse's distinct connections mode, read off raw HTTP responses.</summary>
public sealed class EventStreamProtocolTests : IDisposable
{
    private readonly SseHost _host = new(factory => factory
        .WithSetting("GraphQL:ExecutionTimeout", "00:00:05")
        .WithSetting("GraphQL:ServerSentEvents:KeepAliveInterval", "00:00:15"));

    [Fact]
    public async Task AQueryIsOneNextEventThenCompleteOnAnEventStream()
    {
        await using var stream = await _host.QueryAsync("{ __typename }");

        Assert.Equal(HttpStatusCode.OK, stream.Status);
        Assert.Equal("text/event-stream", stream.MediaType);
        Assert.Equal("no-cache", stream.Headers.CacheControl?.ToString());
        var events = await stream.ReadToEndAsync();
        Assert.Equal(["next", "complete"], events.Select(e => e.Event));
        Assert.Equal("""{"data":{"__typename":"Query"}}""", events[0].Data);
        Assert.Equal("", events[1].Data);
    }

    [Fact]
    public async Task ASubscriptionSendsEachResultAsItHappensAndCompletesWithItsSource()
    {
        await using var stream = await _host.QueryAsync("subscription { events }");
        await _host.Streams.Events.WaitForSubscribersAsync(count => count == 1);

        _host.Streams.Events.OnNext("one");
        var first = await stream.ExpectNextAsync();
        _host.Streams.Events.OnNext("two");
        var second = await stream.ExpectNextAsync();
        _host.Streams.Events.OnCompleted();

        Assert.Equal("one", first.GetProperty("data").GetProperty("events").GetString());
        Assert.Equal("two", second.GetProperty("data").GetProperty("events").GetString());
        Assert.Equal(["complete"], (await stream.ReadToEndAsync()).Select(e => e.Event));
    }

    [Fact]
    public async Task AFiniteSubscriptionStreamsEveryTickThenComplete()
    {
        await using var stream = await _host.QueryAsync("subscription ($n: Int!) { ticks(count: $n) }", new { n = 3 });

        var events = await stream.ReadToEndAsync();

        Assert.Equal(["next", "next", "next", "complete"], events.Select(e => e.Event));
        Assert.Equal([1, 2, 3], events.Take(3).Select(e => e.Json.GetProperty("data").GetProperty("ticks").GetInt32()));
    }

    [Theory]
    [InlineData("{ doesNotExist }", "VALIDATION_FAILED")]
    [InlineData("{ __typename", "SYNTAX_ERROR")]
    [InlineData("subscription { doesNotExist }", "VALIDATION_FAILED")]
    public async Task AnInvalidDocumentIsAcceptedAndAnsweredWithAnErrorEvent(string query, string code)
    {
        // graphql-sse PROTOCOL.md: what runs before execution reports through an accepted stream, not a 400.
        await using var stream = await _host.QueryAsync(query);

        Assert.Equal(HttpStatusCode.OK, stream.Status);
        var events = await stream.ReadToEndAsync();
        Assert.Equal(["next", "complete"], events.Select(e => e.Event));
        Assert.Equal([code], SseHost.Codes(events[0].Json));
        Assert.False(events[0].Json.TryGetProperty("data", out _));
    }

    [Fact]
    public async Task AQueryPastTheExecutionTimeoutEndsWithATimeoutError()
    {
        await using var stream = await _host.QueryAsync("{ slow }");
        await _host.Recorder.SlowStarted.Task.WaitAsync(TimeSpan.FromSeconds(30));

        _host.Time.Advance(TimeSpan.FromSeconds(6));

        var events = await stream.ReadToEndAsync();
        Assert.Equal(["next", "complete"], events.Select(e => e.Event));
        Assert.Equal(["EXECUTION_TIMEOUT"], SseHost.Codes(events[0].Json));
    }

    [Theory]
    [InlineData("""{"query":""", HttpStatusCode.BadRequest, "BAD_REQUEST")]
    [InlineData("""{"query":42}""", HttpStatusCode.BadRequest, "BAD_REQUEST")]
    [InlineData("""[{"query":"{ __typename }"}]""", HttpStatusCode.BadRequest, "BATCHING_NOT_SUPPORTED")]
    public async Task AMalformedBodyIsAPlainHttpErrorAndNoStream(string body, HttpStatusCode status, string code)
    {
        await using var response = await EventStreamResponse.PostAsync(_host.Server, _host.Token(), body);

        Assert.Equal(status, response.Status);
        Assert.Equal("application/json", response.MediaType);
        Assert.Equal([code], SseHost.Codes(await response.JsonBodyAsync()));
    }

    [Fact]
    public async Task ABodyThatIsNotJsonIs415()
    {
        await using var response = await EventStreamResponse.SendAsync(
            _host.Server, _host.Token(), HttpMethod.Post, new StringContent("query=x", Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.Status);
        Assert.Equal(["UNSUPPORTED_MEDIA_TYPE"], SseHost.Codes(await response.JsonBodyAsync()));
    }

    [Fact]
    public async Task SingleConnectionModeReservationsAreRefusedWith405()
    {
        await using var response = await EventStreamResponse.SendAsync(_host.Server, _host.Token(), HttpMethod.Put, null, accept: "*/*");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.Status);
        Assert.Equal(["GET", "POST"], response.ContentHeaders.Allow);
        var body = await response.JsonBodyAsync();
        Assert.Equal(["METHOD_NOT_ALLOWED"], SseHost.Codes(body));
        Assert.Contains("single connection mode", body.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AQueryMayComeAsGetParametersButAMutationMayNot()
    {
        await using var query = await EventStreamResponse.SendAsync(
            _host.Server, _host.Token(), HttpMethod.Get, null, path: "/graphql?query=%7B__typename%7D");
        await using var mutation = await EventStreamResponse.SendAsync(
            _host.Server, _host.Token(), HttpMethod.Get, null, path: "/graphql?query=mutation%7B__typename%7D");

        Assert.Equal(["next", "complete"], (await query.ReadToEndAsync()).Select(e => e.Event));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, mutation.Status);
        Assert.Equal(["POST"], mutation.ContentHeaders.Allow);
    }

    [Fact]
    public async Task AnIdleStreamGetsAKeepAliveCommentEachInterval()
    {
        await using var stream = await _host.QueryAsync("subscription { events }");
        await _host.Streams.Events.WaitForSubscribersAsync(count => count == 1);

        _host.Time.Advance(TimeSpan.FromSeconds(15));
        await stream.ExpectCommentAsync();
        _host.Time.Advance(TimeSpan.FromSeconds(15));
        await stream.ExpectCommentAsync();
        _host.Streams.Events.OnNext("after two intervals");
        await stream.ExpectNextAsync();

        Assert.Equal(2, stream.Comments);
    }

    [Theory]
    [InlineData("application/json", "application/json")]
    [InlineData("application/json, text/event-stream", "application/json")]
    [InlineData("text/event-stream, application/json", "text/event-stream")]
    [InlineData("application/json;q=0.5, text/event-stream", "text/event-stream")]
    public async Task TheAcceptHeaderChoosesBetweenPlainHttpAndAnEventStream(string accept, string mediaType)
    {
        await using var response = await EventStreamResponse.PostAsync(_host.Server, _host.Token(), new { query = "{ __typename }" }, accept);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(mediaType, response.MediaType);
    }

    public void Dispose() => _host.Dispose();
}
