using System.Net;
using System.Net.Http.Json;
using AlpacaConnect.Gql.Notifications;
using AlpacaConnect.Gql.Notifications.Webhooks;
using AlpacaConnect.Gql.Persistence;
using AlpacaConnect.Gql.Tests.Notifications.Webhooks;
using AlpacaConnect.Gql.Tests.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AlpacaConnect.Gql.Tests.Operators;

/// <summary>
/// The webhook dead-letter queue: an operator sees which events the backend never took and why (not their data), and
/// sends one again on request; like every operator action, audited, and closed to everyone else.
/// </summary>
public sealed class OperatorWebhookTests : IDisposable
{
    private const string Payload = """{"type":"order.filled","timestamp":"2026-12-06T22:00:00Z","data":{"userId":"app-alice","sequence":7,"marker":"payload-must-not-show"}}""";
    private static readonly string DeadList = $"/operator/webhooks/dead?reason={Uri.EscapeDataString(OperatorApi.Reason)}";

    private readonly ApiFactory _app = new();
    private readonly OperatorApi _operator;

    public OperatorWebhookTests()
    {
        _operator = new OperatorApi(_app, _app.CreateClient);
    }

    public void Dispose()
    {
        _operator.Dispose();
        _app.Dispose();
    }

    private Task<OutboxMessage> SeedAsync(NotificationChannel channel, OutboxState state, int attempts = 10, string? lastError = "http 500") =>
        SeedAsync(_app, channel, state, attempts, lastError);

    private static async Task<OutboxMessage> SeedAsync(ApiFactory app, NotificationChannel channel, OutboxState state, int attempts = 10, string? lastError = "http 500")
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var row = new OutboxMessage
        {
            UserId = "app-alice",
            Channel = channel,
            DeviceId = channel == NotificationChannel.Webhook ? null : Guid.NewGuid(),
            DedupId = "msg_" + Guid.NewGuid().ToString("N")[..26],
            EventType = "order.filled",
            EventSequence = 7,
            Payload = Payload,
            State = state,
            Attempts = attempts,
            LastError = lastError,
            CreatedAt = TimeProvider.System.GetUtcNow().AddHours(-80),
            // A pending row not due for an hour: the host's dispatcher leaves it alone while the test looks at it.
            NextAttemptAt = TimeProvider.System.GetUtcNow().AddHours(state == OutboxState.Pending ? 1 : -1),
            SentAt = state == OutboxState.Sent ? TimeProvider.System.GetUtcNow().AddHours(-1) : null,
        };
        db.Add(row);
        await db.SaveChangesAsync();
        return row;
    }

    private Task<OutboxMessage> ReloadAsync(long id) => ReloadAsync(_app, id);

    private static async Task<OutboxMessage> ReloadAsync(ApiFactory app, long id)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.Set<OutboxMessage>().SingleAsync(m => m.Id == id);
    }

    private Task<HttpResponseMessage> RedeliverAsync(long id) =>
        _operator.PostAsync($"/operator/webhooks/{id}/redeliver", new { reason = OperatorApi.Reason });

    [Fact]
    public async Task TheDeadListShowsDeadWebhooksWithTheirIdAttemptsAndLastErrorButNotTheirPayload()
    {
        var dead = await SeedAsync(NotificationChannel.Webhook, OutboxState.Dead, lastError: "endpoint gone (410)");
        await SeedAsync(NotificationChannel.Webhook, OutboxState.Pending, attempts: 3);
        await SeedAsync(NotificationChannel.Apns, OutboxState.Dead);

        var list = await OperatorApi.OkJsonAsync(_operator.GetAsync(DeadList));

        var item = Assert.Single(list.EnumerateArray());
        Assert.Equal(dead.Id, item.GetProperty("id").GetInt64());
        Assert.Equal("order.filled", item.GetProperty("eventType").GetString());
        Assert.Equal(dead.DedupId, item.GetProperty("webhookId").GetString());
        Assert.Equal(10, item.GetProperty("attempts").GetInt32());
        Assert.Equal("endpoint gone (410)", item.GetProperty("lastError").GetString());
        Assert.DoesNotContain("payload-must-not-show", list.ToString(), StringComparison.Ordinal);
        var entry = Assert.Single(await _operator.AuditAsync());
        Assert.Equal(("webhook.list-dead", "shown"), (entry.Action, entry.Outcome));
    }

    [Fact]
    public async Task RedeliveringADeadOrSentWebhookSendsItAgainWithItsWebhookIdAndAttemptsCountedAfresh()
    {
        await using var receiver = await WebhookReceiver.StartAsync("200", WebhookHost.OldSecret);
        using var app = new ApiFactory()
            .WithSetting("Notifications:Webhooks:Url", receiver.Url)
            .WithSetting("Notifications:Webhooks:Secrets:0", WebhookHost.OldSecret)
            .WithSetting("Notifications:PollInterval", "00:00:00.050")
            // What AddNotifications does once it calls AddWebhooks; a no-op then.
            .WithServices(WebhooksExtensions.Register);
        using var op = new OperatorApi(app, app.CreateClient);
        var dead = await SeedAsync(app, NotificationChannel.Webhook, OutboxState.Dead);
        var sent = await SeedAsync(app, NotificationChannel.Webhook, OutboxState.Sent, attempts: 1, lastError: null);

        var first = await OperatorApi.OkJsonAsync(op.PostAsync($"/operator/webhooks/{dead.Id}/redeliver", new { reason = OperatorApi.Reason }));
        var one = await receiver.RequestAsync(1);
        var second = await OperatorApi.OkJsonAsync(op.PostAsync($"/operator/webhooks/{sent.Id}/redeliver", new { reason = OperatorApi.Reason }));
        var two = await receiver.RequestAsync(2);

        Assert.Equal(["redelivering", "redelivering"], new[] { first, second }.Select(r => r.GetProperty("outcome").GetString()));
        Assert.Equal(("Pending", 0), (first.GetProperty("subject").GetProperty("state").GetString(), first.GetProperty("subject").GetProperty("attempts").GetInt32()));
        Assert.Equal([dead.DedupId, sent.DedupId], new[] { one, two }.Select(r => r.GetProperty("id").GetString()));
        Assert.All(new[] { one, two }, r => Assert.Equal(Payload, r.GetProperty("body").GetString()));
        foreach (var before in new[] { dead, sent })
        {
            OutboxMessage? after = null;
            await Eventually.HoldsAsync(async () => (after = await ReloadAsync(app, before.Id)).State == OutboxState.Sent, () => $"{after?.State} {after?.LastError}");
            Assert.Equal(1, after!.Attempts);
        }

        Assert.Equal(
            [("webhook.redeliver", dead.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "redelivering"),
             ("webhook.redeliver", sent.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "redelivering")],
            (await op.AuditAsync()).Select(e => (e.Action, e.Target, e.Outcome)));
    }

    [Fact]
    public async Task OnlyAWebhookRowThatIsDeadOrSentCanBeRedeliveredAndAReasonIsRequired()
    {
        var pending = await SeedAsync(NotificationChannel.Webhook, OutboxState.Pending, attempts: 2);
        var dropped = await SeedAsync(NotificationChannel.Webhook, OutboxState.Dropped);
        var push = await SeedAsync(NotificationChannel.Fcm, OutboxState.Dead);
        var dead = await SeedAsync(NotificationChannel.Webhook, OutboxState.Dead);

        using var pendingAnswer = await RedeliverAsync(pending.Id);
        using var droppedAnswer = await RedeliverAsync(dropped.Id);
        using var pushAnswer = await RedeliverAsync(push.Id);
        using var unknownAnswer = await RedeliverAsync(999_999);
        using var noReason = await _operator.PostAsync($"/operator/webhooks/{dead.Id}/redeliver", new { });

        Assert.Equal(
            [HttpStatusCode.OK, HttpStatusCode.Conflict, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.BadRequest],
            new[] { pendingAnswer, droppedAnswer, pushAnswer, unknownAnswer, noReason }.Select(r => r.StatusCode));
        Assert.Equal(2, (await ReloadAsync(pending.Id)).Attempts);
        Assert.Equal(OutboxState.Dead, (await ReloadAsync(push.Id)).State);
        Assert.Equal(OutboxState.Dead, (await ReloadAsync(dead.Id)).State);
        Assert.Equal(["already-pending", "not-redeliverable", "not-found", "not-found"], (await _operator.AuditAsync()).Select(e => e.Outcome));
    }

    [Fact]
    public async Task NeitherAnonymousCallersNorAppUsersCanListOrRedeliver()
    {
        var dead = await SeedAsync(NotificationChannel.Webhook, OutboxState.Dead);
        using var anonymous = _app.CreateClient();
        using var user = _app.CreateClientFor("app-alice");
        var redeliver = new Uri($"/operator/webhooks/{dead.Id}/redeliver", UriKind.Relative);

        var answers = new List<HttpResponseMessage>();
        foreach (var client in new[] { anonymous, user })
        {
            answers.Add(await client.GetAsync(new Uri(DeadList, UriKind.Relative)));
            answers.Add(await client.PostAsJsonAsync(redeliver, new { reason = OperatorApi.Reason }));
        }

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Unauthorized, a.StatusCode));
        answers.ForEach(a => a.Dispose());
        Assert.Equal(OutboxState.Dead, (await ReloadAsync(dead.Id)).State);
        Assert.Empty(await _operator.AuditAsync());
    }
}
