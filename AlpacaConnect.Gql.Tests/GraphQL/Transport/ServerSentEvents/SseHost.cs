using System.Text.Json;
using AlpacaConnect.Gql.GraphQL.Transport.WebSockets;
using AlpacaConnect.Gql.Tests.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace AlpacaConnect.Gql.Tests.GraphQL.Transport.ServerSentEvents;

/// <summary>
/// The server with the probe fields on loopback Kestrel, on a fake clock that starts at the real now (tokens are
/// checked against it), with its log captured: what the event-stream tests share.
/// </summary>
public sealed class SseHost : IDisposable
{
    public SseHost(Action<ApiFactory>? configure = null)
    {
        Factory = new ProbeApiFactory()
            .WithServices(services => services.AddSingleton<TimeProvider>(Time))
            .WithServices(services => services.AddSingleton<ILoggerProvider>(Logs));
        configure?.Invoke(Factory);
        Server = Factory.StartOnLoopback();
    }

    public FakeTimeProvider Time { get; } = new(TimeProvider.System.GetUtcNow());

    public LogCapture Logs { get; } = new();

    public ApiFactory Factory { get; }

    public Uri Server { get; }

    public ProbeStreams Streams => Factory.Services.GetRequiredService<ProbeStreams>();

    public ProbeRecorder Recorder => Factory.Services.GetRequiredService<ProbeRecorder>();

    internal UserSubscriptionQuota Quota => Factory.Services.GetRequiredService<UserSubscriptionQuota>();

    public string Token(string user = "alice") => Factory.TokenFor(user);

    public Task<EventStreamResponse> QueryAsync(string query, object? variables = null, string user = "alice") =>
        EventStreamResponse.QueryAsync(Server, Token(user), query, variables);

    /// <summary>The <c>extensions.code</c> of each error of a result.</summary>
    public static List<string> Codes(JsonElement result) =>
        result.TryGetProperty("errors", out var errors)
            ? [.. errors.EnumerateArray().Select(e => e.GetProperty("extensions").GetProperty("code").GetString()!)]
            : [];

    public void Dispose() => Factory.Dispose();
}
