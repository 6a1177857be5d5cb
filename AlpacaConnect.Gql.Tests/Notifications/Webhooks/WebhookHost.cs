using AlpacaConnect.Gql.Notifications;
using AlpacaConnect.Gql.Notifications.Webhooks;
using AlpacaConnect.Gql.Tests.TestHost;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace AlpacaConnect.Gql.Tests.Notifications.Webhooks;

/// <summary>
/// The services <c>AddWebhooks()</c> registers, on a clock the test moves, with every log line captured. Built from the
/// real extension so the options binding, its validation and the HTTP client are the ones the server runs.
/// </summary>
internal sealed class WebhookHost : IAsyncDisposable
{
    /// <summary>Test-only secrets (24 and 32 random bytes); never used anywhere else.</summary>
    public const string OldSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    public const string NewSecret = "whsec_3x+qGyyq1m3mz3eDo8fE0PbcY8RkGtQ9uYwO7JzK2yM=";
    public const string WrongSecret = "whsec_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";

    private readonly WebApplication _app;

    private WebhookHost(WebApplication app, FakeTimeProvider time, LogCapture logs)
    {
        _app = app;
        Time = time;
        Logs = logs;
    }

    public FakeTimeProvider Time { get; }

    public LogCapture Logs { get; }

    public IServiceProvider Services => _app.Services;

    public WebhookSender Sender => _app.Services.GetRequiredService<WebhookSender>();

    public static WebhookHost Build(IReadOnlyDictionary<string, string?> settings, string environment = "Development")
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { EnvironmentName = environment });
        // Never started: the server is there only because a WebApplication needs one.
        builder.WebHost.UseKestrelCore();
        builder.Configuration.AddInMemoryCollection(settings);
        var logs = new LogCapture();
        builder.Services.AddLogging(logging => logging.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        // Starts at the real time: the reference receiver rejects timestamps more than five minutes off.
        var time = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.AddWebhooks();
        return new WebhookHost(builder.Build(), time, logs);
    }

    /// <summary>A host sending to <paramref name="url"/> signed with <paramref name="secrets"/>.</summary>
    public static WebhookHost For(string url, params string[] secrets)
    {
        var settings = new Dictionary<string, string?> { ["Notifications:Webhooks:Url"] = url };
        for (var i = 0; i < secrets.Length; i++)
        {
            settings[$"Notifications:Webhooks:Secrets:{i}"] = secrets[i];
        }

        return Build(settings);
    }

    /// <summary>What the host checks when it starts (<c>ValidateOnStart</c>).</summary>
    public void ValidateAsAtStart() => _app.Services.GetRequiredService<Microsoft.Extensions.Options.IStartupValidator>().Validate();

    public static string NewWebhookId() => "msg_" + Guid.NewGuid().ToString("N")[..26];

    public static OutgoingNotification Row(string webhookId, int attempt = 1, string? payload = null) => new(
        1, webhookId, null, "order.filled",
        payload ?? """{"type":"order.filled","timestamp":"2026-12-06T22:00:00Z","data":{"userId":"app-alice","orderId":""" + $"\"{Guid.NewGuid()}\"" + ""","sequence":7}}""",
        attempt, TimeProvider.System.GetUtcNow(), null);

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
