using System.Text.Json;
using AlpacaConnect.Gql.Tests.TestHost;

namespace AlpacaConnect.Gql.Tests.Notifications.Webhooks;

/// <summary>
/// The operator's backend as a test sees it: <c>Interop/webhook-receiver.mjs</c>, which verifies every request with the
/// reference npm library <c>standardwebhooks</c> once per secret it holds and answers the given statuses in turn.
/// </summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly NodeSession _node;

    private WebhookReceiver(NodeSession node, int port)
    {
        _node = node;
        Url = $"http://127.0.0.1:{port}/hooks/alpaca";
    }

    public string Url { get; }

    public string Output => _node.Output;

    public static async Task<WebhookReceiver> StartAsync(string statuses, params string[] secrets)
    {
        var node = new NodeSession("webhook-receiver.mjs", [statuses, .. secrets]);
        var listening = await node.ExpectAsync(a => a.TryGetProperty("listening", out _));
        return new WebhookReceiver(node, listening.GetProperty("listening").GetInt32());
    }

    /// <summary>The <paramref name="n"/>th request the receiver got (1-based), once it got it.</summary>
    public Task<JsonElement> RequestAsync(int n) =>
        _node.ExpectAsync(a => a.TryGetProperty("request", out var number) && number.GetInt32() == n);

    /// <summary>Verifies a copy of a request (as a tamperer would send it) with each of the receiver's secrets.</summary>
    public async Task<JsonElement> ReplayAsync(string body, string id, string timestamp, string signature)
    {
        await _node.SendAsync(new
        {
            verify = new
            {
                body,
                headers = new Dictionary<string, string> { ["webhook-id"] = id, ["webhook-timestamp"] = timestamp, ["webhook-signature"] = signature },
            },
        });
        return (await _node.ExpectAsync(a => a.TryGetProperty("replayed", out _))).GetProperty("replayed");
    }

    /// <summary>Every request recorded so far (those not yet claimed by <see cref="RequestAsync"/>).</summary>
    public IReadOnlyList<JsonElement> Unclaimed => _node.Unclaimed;

    public ValueTask DisposeAsync() => _node.DisposeAsync();
}
