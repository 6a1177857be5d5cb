using System.Text.Json;
using System.Text.Json.Nodes;
using AlpacaConnect.Gql.Tests.Connections;
using AlpacaConnect.Gql.Tests.Sandbox;
using GraphQLParser.AST;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace AlpacaConnect.Gql.Tests.Examples;

/// <summary>
/// Every operation in <c>examples/</c> runs green against the server and its sandbox, in the order an app
/// calls them, so the examples never rot. Files are discovered: a new one runs without being listed here
/// (before <c>disconnectAlpaca</c>), and one that does not parse or validate fails.
/// </summary>
public sealed class ExampleOperationTests(ITestOutputHelper output) : IDisposable
{
    private const string User = "dev-user";
    private const string Approve = "[approve on the consent page]";
    private const string Fill = "[the sandbox fills open orders]";
    private const string Unlisted = "[examples not listed here]";

    /// <summary>
    /// The order steps run in: example steps (see <see cref="ExampleCatalog"/>) and, in brackets, what the test
    /// does between them. Subscriptions are not listed: they run around their <see cref="Triggers"/>.
    /// </summary>
    private static readonly string[] Sequence =
    [
        "viewer", "guardrails", "connectAlpaca", Approve, "completeAlpacaConnection", "alpacaConnection", "account",
        "marketClock", "placeOrder.market", Fill, "positions", "position", "orderEvents", "placeOrder.limit", "order", "orders",
        "orders.nextPage", "replaceOrder", "cancelOrder", "closePosition", Unlisted, "disconnectAlpaca",
    ];

    /// <summary>Each subscription step and the step that makes it emit: it subscribes just before that step and
    /// must receive an event after it.</summary>
    private static readonly Dictionary<string, string> Triggers = new()
    {
        ["alpacaConnectionChanged"] = "completeAlpacaConnection",
        ["orderUpdated"] = Fill,
    };

    /// <summary>What some steps must answer, beyond the checks every step gets (data, no errors, no null root field).</summary>
    private static readonly Dictionary<string, Action<JsonElement, Func<string, JsonElement>>> Expectations = new()
    {
        ["viewer"] = (data, _) => Assert.Equal(User, Text(data, "me.id")),
        ["connectAlpaca"] = (data, _) => Assert.StartsWith("http", Text(data, "connectAlpaca.authorizationUrl"), StringComparison.Ordinal),
        ["completeAlpacaConnection"] = (data, _) => Assert.Equal("CONNECTED", Text(data, "completeAlpacaConnection.connection.status")),
        ["alpacaConnectionChanged"] = (data, _) => Assert.Equal("CONNECTED", Text(data, "alpacaConnectionChanged.status")),
        ["orderUpdated"] = (data, step) =>
        {
            Assert.Equal(Text(step("placeOrder.market"), "placeOrder.order.id"), Text(data, "orderUpdated.order.id"));
            // The fill, unless the stream's NEW for this order landed after the subscription began (it can trail the POST's answer).
            Assert.True(Text(data, "orderUpdated.event") is "FILL" or "NEW", Text(data, "orderUpdated.event"));
        },
        ["alpacaConnection"] = (data, _) => Assert.Equal("PA3ALICE0001", Text(data, "alpacaConnection.accountNumber")),
        ["account"] = (data, _) => Assert.Equal("PA3ALICE0001", Text(data, "account.accountNumber")),
        ["placeOrder.market"] = (data, _) => Assert.Equal("MARKET", Text(data, "placeOrder.order.type")),
        ["positions"] = (data, _) => Assert.Contains(data.GetProperty("positions").EnumerateArray(), p => Text(p, "symbol") == "AAPL"),
        ["position"] = (data, _) => Assert.Equal(2m, decimal.Parse(Text(data, "position.qty"), System.Globalization.CultureInfo.InvariantCulture)),
        ["orderEvents"] = (data, step) => Assert.Contains(data.GetProperty("orderEvents").GetProperty("updates").EnumerateArray(), u =>
            Text(u, "event") == "FILL" && Text(u, "order.id") == Text(step("placeOrder.market"), "placeOrder.order.id")),
        ["placeOrder.limit"] = (data, _) => Assert.Equal("LIMIT", Text(data, "placeOrder.order.type")),
        ["order"] = (data, step) => Assert.Equal(Text(step("placeOrder.limit"), "placeOrder.order.id"), Text(data, "order.id")),
        ["orders"] = (data, _) =>
        {
            Assert.Single(data.GetProperty("orders").GetProperty("edges").EnumerateArray());
            Assert.True(Element(data, "orders.pageInfo.hasNextPage").GetBoolean());
        },
        ["orders.nextPage"] = (data, step) => Assert.NotEqual(
            Text(step("orders"), "orders.pageInfo.endCursor"), Text(data, "orders.pageInfo.endCursor")),
        ["replaceOrder"] = (data, step) => Assert.Equal(Text(step("placeOrder.limit"), "placeOrder.order.id"), Text(data, "replaceOrder.order.replaces")),
        ["cancelOrder"] = (data, _) => Assert.Contains(Text(data, "cancelOrder.order.status"), new[] { "PENDING_CANCEL", "CANCELED" }),
        ["closePosition"] = (data, _) => Assert.Equal("SELL", Text(data, "closePosition.order.side")),
        ["previewOrder"] = (data, _) =>
        {
            Assert.True(Element(data, "previewOrder.wouldPlace").GetBoolean());
            Assert.Contains(Element(data, "previewOrder.guardrails").EnumerateArray(), g => Text(g, "rule") == "MAX_NOTIONAL_PER_ORDER" && Element(g, "passed").GetBoolean());
        },
        ["registerPushDevice"] = (data, _) => Assert.Equal("EXPO", Text(data, "registerPushDevice.device.platform")),
        ["disconnectAlpaca"] = (data, _) => Assert.Equal("NOT_CONNECTED", Text(data, "disconnectAlpaca.connection.status")),
    };

    private readonly SandboxHost _host = new();
    private readonly Dictionary<string, JsonElement> _results = [];
    private readonly Dictionary<string, string> _values = [];

    public static TheoryData<string> OperationFiles() => [.. ExampleCatalog.OperationFiles];

    [Theory]
    [MemberData(nameof(OperationFiles))]
    public void EachExampleIsOneNamedOperationWithVariablesThatResolve(string operationFile)
    {
        var operation = ExampleCatalog.OperationIn(operationFile);

        foreach (var step in ExampleCatalog.Steps.Where(s => s.OperationFile == operationFile))
        {
            var variables = ExampleVariables.Load(step);
            Assert.True(variables is null or JsonObject, $"{step.VariablesFile} must hold a JSON object");
            foreach (var reference in ExampleVariables.References(variables))
            {
                var (source, _) = ExampleVariables.Parse(reference);
                Assert.True(source is null || RunsBefore(source, step.Id), $"{step.VariablesFile}: {{{{{reference}}}}} names no step that runs before {step.Id}");
            }

            if (operation.Operation == OperationType.Subscription)
            {
                Assert.True(Triggers.ContainsKey(step.Id), $"{step.Id} is a subscription: add the step that makes it emit to {nameof(ExampleOperationTests)}.{nameof(Triggers)}");
            }
        }
    }

    [Fact]
    public void EveryVariablesFileBelongsToAnExampleAndEveryListedStepExists()
    {
        var operations = ExampleCatalog.OperationFiles;
        var steps = ExampleCatalog.Steps.Select(s => s.Id).ToHashSet();

        Assert.All(ExampleCatalog.VariablesFiles, v => Assert.Contains(ExampleCatalog.OperationOf(v), operations));
        Assert.All(Sequence.Where(s => !s.StartsWith('[')).Concat(Triggers.Keys).Concat(Expectations.Keys), s => Assert.Contains(s, steps));
        Assert.All(Triggers.Values, trigger => Assert.True(Sequence.Contains(trigger) || steps.Contains(trigger), $"no step {trigger}"));
    }

    [Fact]
    public async Task EveryExampleRunsGreenAgainstTheSandbox()
    {
        _host.WithSetting("Trading:Cache:PositionsTtl", "00:00:00").WithServices(ListeningEventBus.Install);
        using var driver = new ConnectDriver(_host);
        await RunEveryExampleAsync(new DirectExampleClient(_host, driver, User), driver);
    }

    /// <summary>
    /// Issue 18, trusted documents: with only the manifest's operations allowed, an app on Apollo Client runs every
    /// example by id (no document text on the wire, queries by GET), and text it sends is refused on HTTP and the socket.
    /// </summary>
    [Fact]
    public async Task EveryExampleRunsByIdThroughApolloClientWhenOnlyTrustedDocumentsRun()
    {
        _host.WithSetting("Trading:Cache:PositionsTtl", "00:00:00").WithSetting("GraphQL:TrustedDocuments:Mode", "Only")
            .WithServices(ListeningEventBus.Install);
        using var driver = new ConnectDriver(_host);
        await using var session = ApolloExampleClient.Start(_host.BaseUri, _host.TokenFor(User));
        var apollo = new ApolloExampleClient(session);

        JsonElement overHttp, overSocket;
        IReadOnlyList<JsonElement> requests;
        try
        {
            await RunEveryExampleAsync(apollo, driver);
            requests = await apollo.RequestsAsync();
            overHttp = await apollo.RunAdHocAsync("adhoc-http", "query Viewer { me { id name } }", "http");
            overSocket = await apollo.RunAdHocAsync("adhoc-ws", "query Viewer { me { id name } }", "ws");
        }
        finally
        {
            output.WriteLine(session.Output);
        }

        var manifestIds = ExampleCatalog.ManifestIds();
        Assert.All(requests, r => Assert.False(r.GetProperty("sentQuery").GetBoolean(), r.ToString()));
        Assert.All(requests, r => Assert.Contains(r.GetProperty("hash").GetString(), manifestIds));
        Assert.Contains(requests, r => r.GetProperty("method").GetString() == "GET");
        Assert.Contains(requests, r => r.GetProperty("method").GetString() == "POST");
        Assert.Contains(requests, r => r.GetProperty("method").GetString() == "WS");
        Assert.Equal("PERSISTED_QUERY_ID_REQUIRED", overHttp.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal("PERSISTED_QUERY_ID_REQUIRED", overSocket.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.False(overHttp.GetProperty("data").ValueKind == JsonValueKind.Object);
    }

    private async Task RunEveryExampleAsync(IExampleClient client, ConnectDriver driver)
    {
        var steps = ExampleCatalog.Steps.ToDictionary(s => s.Id);
        var unlisted = steps.Keys.Where(id => !Sequence.Contains(id) && !Triggers.ContainsKey(id)).Order(StringComparer.Ordinal).ToList();
        var ran = new List<string>();

        foreach (var entry in Sequence)
        {
            foreach (var id in entry == Unlisted ? unlisted : [entry])
            {
                var subscriptions = new List<(ExampleStep Step, IExampleSubscription Events)>();
                foreach (var subscription in Triggers.Where(t => t.Value == id).Select(t => steps[t.Key]))
                {
                    subscriptions.Add((subscription, await SubscribeAsync(client, subscription)));
                    ran.Add(subscription.Id);
                }

                await RunAsync(id, steps, driver, client);
                ran.Add(id);

                foreach (var (subscription, events) in subscriptions)
                {
                    Check(subscription.Id, await events.NextAsync());
                    await events.DisposeAsync();
                }
            }
        }

        output.WriteLine($"ran: {string.Join(", ", ran)}");
        Assert.Equal(steps.Keys.Order(StringComparer.Ordinal), ran.Where(steps.ContainsKey).Order(StringComparer.Ordinal));
    }

    private async Task RunAsync(string id, Dictionary<string, ExampleStep> steps, ConnectDriver driver, IExampleClient client)
    {
        switch (id)
        {
            case Approve:
                var authorizationUrl = new Uri(Text(_results["connectAlpaca"], "connectAlpaca.authorizationUrl"));
                var (_, location, _) = await driver.CallbackAsync(await driver.DecideAsync(authorizationUrl));
                _values["completionCode"] = ConnectDriver.QueryValue(location!, "completionCode");
                Assert.NotEqual("", _values["completionCode"]);
                return;
            case Fill:
                _host.Control.ProcessNow();
                return;
        }

        var step = steps[id];
        Check(id, await client.RunAsync(step, Variables(step)));
    }

    /// <summary>Subscribes as the user and returns once the subscription listens.</summary>
    private async Task<IExampleSubscription> SubscribeAsync(IExampleClient client, ExampleStep step)
    {
        var bus = _host.Services.GetRequiredService<ListeningEventBus>();
        var listening = bus.Listeners;
        var subscription = await client.SubscribeAsync(step, Variables(step));
        await bus.WaitForMoreThanAsync(listening);
        return subscription;
    }

    private JsonNode? Variables(ExampleStep step) => ExampleVariables.Resolve(ExampleVariables.Load(step), Lookup);

    private JsonNode? Lookup(string reference)
    {
        var (step, path) = ExampleVariables.Parse(reference);
        if (step is null)
        {
            Assert.True(_values.TryGetValue(path, out var value), $"no value for {{{{{reference}}}}}");
            return JsonValue.Create(value);
        }

        Assert.True(_results.TryGetValue(step, out var data), $"{{{{{reference}}}}}: step {step} has not run");
        return JsonNode.Parse(Element(data, path).GetRawText());
    }

    /// <summary>Every step: data, no top-level or payload errors, no null root field; then its own expectations.</summary>
    private void Check(string id, JsonElement body)
    {
        Assert.False(body.TryGetProperty("errors", out var errors), $"{id}: {errors}");
        var data = body.GetProperty("data");
        Assert.True(data.ValueKind == JsonValueKind.Object, $"{id}: no data");
        Assert.All(data.EnumerateObject(), field => Assert.True(field.Value.ValueKind != JsonValueKind.Null, $"{id}: {field.Name} is null"));
        Assert.All(PayloadErrors(data), e => Assert.Fail($"{id}: payload error {e}"));
        _results[id] = data.Clone();
        if (Expectations.TryGetValue(id, out var expect))
        {
            expect(data, step => _results[step]);
        }
    }

    private static IEnumerable<JsonElement> PayloadErrors(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p =>
            p.Name == "errors" && p.Value.ValueKind == JsonValueKind.Array ? p.Value.EnumerateArray() : PayloadErrors(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(PayloadErrors),
        _ => [],
    };

    private static bool RunsBefore(string source, string step)
    {
        var order = Sequence.ToList();
        var position = order.IndexOf(Triggers.GetValueOrDefault(step, step));
        return order.IndexOf(source) is >= 0 and var at && (position < 0 ? at < order.IndexOf(Unlisted) : at < position);
    }

    private static JsonElement Element(JsonElement data, string path) =>
        path.Split('.').Aggregate(data, (element, name) => element.GetProperty(name));

    private static string Text(JsonElement data, string path) => Element(data, path).GetString()!;

    public void Dispose() => _host.Dispose();
}
