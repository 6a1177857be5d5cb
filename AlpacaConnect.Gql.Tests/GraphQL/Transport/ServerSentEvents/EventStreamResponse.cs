using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace AlpacaConnect.Gql.Tests.GraphQL.Transport.ServerSentEvents;

/// <summary>One event of a stream: its name and its data (the lines of <c>data:</c> joined), with comments counted apart.</summary>
public sealed record ServerSentEvent(string Event, string Data)
{
    public JsonElement Json => JsonDocument.Parse(Data).RootElement.Clone();
}

/// <summary>
/// A GraphQL over Server-Sent Events request sent with plain <see cref="HttpClient"/> to the server on loopback, and its
/// response read line by line as the SSE spec says, so tests see the wire format itself.
/// </summary>
public sealed class EventStreamResponse : IAsyncDisposable
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(60);
    private readonly HttpClient _client;
    private readonly HttpResponseMessage _response;
    private StreamReader? _reader;

    private EventStreamResponse(HttpClient client, HttpResponseMessage response)
    {
        _client = client;
        _response = response;
    }

    public HttpStatusCode Status => _response.StatusCode;

    public string? MediaType => _response.Content.Headers.ContentType?.MediaType;

    public HttpResponseHeaders Headers => _response.Headers;

    public HttpContentHeaders ContentHeaders => _response.Content.Headers;

    /// <summary>Comment lines (keep-alives) read so far.</summary>
    public int Comments { get; private set; }

    /// <summary>POSTs <paramref name="body"/> (serialized unless it is already a string) with <c>Accept: text/event-stream</c>.</summary>
    public static Task<EventStreamResponse> PostAsync(Uri server, string? token, object body, string accept = "text/event-stream", string? origin = null) =>
        SendAsync(server, token, HttpMethod.Post, new StringContent(body as string ?? JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"), accept, origin: origin);

    public static Task<EventStreamResponse> QueryAsync(Uri server, string? token, string query, object? variables = null) =>
        PostAsync(server, token, new { query, variables });

    public static async Task<EventStreamResponse> SendAsync(
        Uri server, string? token, HttpMethod method, HttpContent? content, string accept = "text/event-stream", string path = "/graphql", string? origin = null)
    {
        var client = new HttpClient { BaseAddress = server, Timeout = Timeout.InfiniteTimeSpan };
        using var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Accept.ParseAdd(accept);
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        return new EventStreamResponse(client, response);
    }

    /// <summary>The whole body, for an answer that is not a stream.</summary>
    public async Task<JsonElement> JsonBodyAsync() => JsonDocument.Parse(await _response.Content.ReadAsStringAsync()).RootElement.Clone();

    /// <summary>The next event, or null once the server ended the response.</summary>
    public Task<ServerSentEvent?> ReadEventAsync() => ReadAsync(untilComment: false);

    /// <summary>Reads up to the next comment line, which must come before any event.</summary>
    public async Task ExpectCommentAsync()
    {
        var comments = Comments;
        var next = await ReadAsync(untilComment: true);
        Assert.True(next is null && Comments == comments + 1, $"Expected a comment, got {next?.ToString() ?? "the end of the stream"}");
    }

    private async Task<ServerSentEvent?> ReadAsync(bool untilComment)
    {
        _reader ??= new StreamReader(await _response.Content.ReadAsStreamAsync(), Encoding.UTF8);
        using var guard = new CancellationTokenSource(HangGuard);
        string? name = null;
        var data = new List<string>();
        while (await _reader.ReadLineAsync(guard.Token) is { } line)
        {
            if (line.Length == 0)
            {
                if (name is not null || data.Count > 0)
                {
                    return new ServerSentEvent(name ?? "message", string.Join('\n', data));
                }

                continue;
            }

            if (line.StartsWith(':'))
            {
                Comments++;
                if (untilComment)
                {
                    return null;
                }

                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var field = colon < 0 ? line : line[..colon];
            var value = colon < 0 ? "" : line[(colon + 1)..].TrimStart(' ');
            if (field == "event")
            {
                name = value;
            }
            else if (field == "data")
            {
                data.Add(value);
            }
        }

        return null;
    }

    /// <summary>Every event until the server ends the response.</summary>
    public async Task<List<ServerSentEvent>> ReadToEndAsync()
    {
        var events = new List<ServerSentEvent>();
        while (await ReadEventAsync() is { } next)
        {
            events.Add(next);
        }

        return events;
    }

    /// <summary>The next event, which must be a <c>next</c>; its execution result.</summary>
    public async Task<JsonElement> ExpectNextAsync()
    {
        var next = await ReadEventAsync();
        return next is { Event: "next" } ? next.Json : throw new Xunit.Sdk.XunitException($"Expected a next event, got {next?.ToString() ?? "the end of the stream"}");
    }

    public ValueTask DisposeAsync()
    {
        _reader?.Dispose();
        _response.Dispose();
        _client.Dispose();
        return ValueTask.CompletedTask;
    }
}
