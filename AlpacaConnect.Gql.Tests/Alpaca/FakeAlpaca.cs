using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace AlpacaConnect.Gql.Tests.Alpaca;

/// <summary>
/// Stands in for Alpaca as the primary handler of the Alpaca HTTP clients: answers by route and records every request
/// that reached it (the upstream's view, after resilience, rate limiting and the token handler).
/// </summary>
public sealed class FakeAlpaca(TimeProvider time) : HttpMessageHandler
{
    private readonly ConcurrentQueue<FakeRequest> _received = new();
    private readonly ConcurrentDictionary<string, Func<FakeRequest, Task<HttpResponseMessage>>> _routes = new();

    public IReadOnlyList<FakeRequest> Received => [.. _received];

    public int Count(string method, string path) => _received.Count(r => r.Method == method && r.Path == path);

    /// <summary>Answers <paramref name="method"/> <paramref name="path"/> (path without query) with <paramref name="answer"/>.</summary>
    public FakeAlpaca On(string method, string path, Func<FakeRequest, Task<HttpResponseMessage>> answer)
    {
        _routes[$"{method} {path}"] = answer;
        return this;
    }

    public FakeAlpaca On(string method, string path, Func<FakeRequest, HttpResponseMessage> answer) =>
        On(method, path, request => Task.FromResult(answer(request)));

    public FakeAlpaca OnJson(string method, string path, string json, HttpStatusCode status = HttpStatusCode.OK) =>
        On(method, path, _ => Json(json, status));

    /// <summary>Answers in turn with each of <paramref name="answers"/>, repeating the last.</summary>
    public FakeAlpaca OnSequence(string method, string path, params Func<HttpResponseMessage>[] answers)
    {
        var next = -1;
        return On(method, path, _ => answers[Math.Min(Interlocked.Increment(ref next), answers.Length - 1)]());
    }

    public static HttpResponseMessage Json(string json, HttpStatusCode status = HttpStatusCode.OK) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        var recorded = new FakeRequest(
            request.Method.Method,
            request.RequestUri!,
            request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase),
            request.Content?.Headers.ContentType?.MediaType,
            body,
            time.GetUtcNow());
        _received.Enqueue(recorded);
        // Like a real connection, a pending answer is abandoned when the caller (or a timeout) cancels.
        return _routes.TryGetValue($"{recorded.Method} {recorded.Path}", out var answer)
            ? await answer(recorded).WaitAsync(cancellationToken)
            : Json("""{"code":40410000,"message":"no such route in the fake"}""", HttpStatusCode.NotFound);
    }
}

public sealed record FakeRequest(
    string Method, Uri Uri, IReadOnlyDictionary<string, string> Headers, string? ContentType, string? Body, DateTimeOffset At)
{
    public string Path => Uri.AbsolutePath;

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
