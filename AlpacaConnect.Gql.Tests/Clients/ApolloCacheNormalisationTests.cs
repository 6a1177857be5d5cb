using System.Text.Json;
using AlpacaConnect.Gql.Tests.Orders;
using AlpacaConnect.Gql.Tests.Sandbox;
using AlpacaConnect.Gql.Tests.Streaming;
using AlpacaConnect.Gql.Tests.TestHost;
using AlpacaConnect.Sandbox;
using Xunit.Abstractions;

namespace AlpacaConnect.Gql.Tests.Clients;

/// <summary>
/// Issue 15, done-when 3: Apollo Client's InMemoryCache (the real one, from npm, with no type policies) normalises every
/// object type that has an identity. The identity types are read from the schema (every object type with an <c>id</c>),
/// so a new one fails here until an operation below reaches it; and an object type without an <c>id</c> must be named
/// a value (<see cref="Values"/>), so an entity added without one fails too.
/// </summary>
public sealed class ApolloCacheNormalisationTests(ITestOutputHelper output)
{
    /// <summary>Operations that between them reach every identity type, each named by the types it reaches.</summary>
    private static readonly (string Name, string Document, string[] Reaches)[] Operations =
    [
        ("me", "query Me { me { id name } }", ["Viewer"]),
        ("alpacaConnection", "query Connection { alpacaConnection { id status } }", ["AlpacaConnection"]),
        ("account", "query Account { account { id accountNumber buyingPower } }", ["TradingAccount"]),
        ("positions", "query Positions { positions { id symbol qty } }", ["Position"]),
        ("asset", """query Asset { asset(symbol: "AAPL") { id symbol fractionable } }""", ["Asset"]),
        ("watchlists", "query Watchlists { watchlists { id name assets { id symbol } } }", ["Watchlist", "WatchlistAsset"]),
        ("orders", "query Orders { orders(status: ALL, first: 10) { edges { node { id status filledQty } } } }", ["Order"]),
        ("orderEvents", "query Events { orderEvents(first: 100) { updates { id event order { id status } execution { id price qty } } } }",
            ["OrderUpdate", "OrderExecution"]),
        ("activities", "query Activities { activities(first: 50) { edges { node { id activityType ... on FillActivity { symbol qty } ... on CashActivity { netAmount } } } } }",
            ["FillActivity", "CashActivity"]),
        ("pushDevices", "query Devices { pushDevices { id platform showDetails } }", ["PushDevice"]),
    ];

    /// <summary>Object types that are values, not entities: computed answers, pages and their edges, settings. None has an identity to merge by.</summary>
    private static readonly HashSet<string> Values =
    [
        "GuardrailPolicy", "MarketClock", "AssetConnection", "AssetEdge", "PageInfo", "Quote", "LatestTrade", "LatestQuote", "Bar", "BarSeries",
        "PortfolioHistory", "EquityPoint", "MarketDay", "ActivityConnection", "ActivityEdge", "OrderConnection", "OrderEdge", "OrderUpdatePage",
        "OrderPreview", "OrderPreviewQuote", "OrderCheck",
        // One result per item of a batch mutation: an answer about an order or a position, not the thing itself.
        "CancelAllOrdersItem", "CloseAllPositionsItem",
    ];

    private static readonly string[] RootTypes = ["queryType", "mutationType", "subscriptionType"];

    private const string Introspection = """
        { __schema { queryType { name } mutationType { name } subscriptionType { name }
          types { kind name fields { name type { kind name ofType { kind name } } } possibleTypes { name } } } }
        """;

    [Fact]
    public async Task ApolloClientNormalisesEveryObjectTypeWithAnIdentity()
    {
        await using var driver = await AccountWithOneOfEachAsync();
        var (identities, possibleTypes) = await SchemaAsync(driver.Orders);

        var reached = Operations.SelectMany(o => o.Reaches).ToHashSet();
        Assert.True(identities.SetEquals(reached), $"identity types without an operation here: [{string.Join(", ", identities.Except(reached))}]; "
            + $"listed but without an id in the schema: [{string.Join(", ", reached.Except(identities))}]");

        var keys = await CacheKeysAsync(driver.Host, possibleTypes);
        var missing = identities.Where(type => !keys.Any(k => k.StartsWith(type + ":", StringComparison.Ordinal))).ToList();
        Assert.True(missing.Count == 0, $"not normalised (no {string.Join(", ", missing.Select(m => m + ":<id>"))}) among [{string.Join(", ", keys)}]");
    }

    [Fact]
    public async Task ATypeKeptOutOfTheNormalisedStoreIsCaught()
    {
        // The check above must be able to fail: with keyFields: false for Position, Apollo stores positions inside the
        // query's result instead, and no Position:<id> is left.
        await using var driver = await AccountWithOneOfEachAsync();
        var (_, possibleTypes) = await SchemaAsync(driver.Orders);

        var keys = await CacheKeysAsync(driver.Host, possibleTypes, "Position");

        Assert.DoesNotContain(keys, k => k.StartsWith("Position:", StringComparison.Ordinal));
        Assert.Contains(keys, k => k.StartsWith("Order:", StringComparison.Ordinal));
    }

    /// <summary>A connected account with a filled order (a position, an execution, a fill activity), a dividend, a watchlist and a push device.</summary>
    private async Task<StreamDriver> AccountWithOneOfEachAsync()
    {
        var driver = new StreamDriver(output: output);
        await driver.Orders.ConnectAsync();
        var socket = await driver.SubscribeAsync("app-alice");
        var (id, _) = await driver.BuyAsync("apollo-cache-buy");
        await Eventually.HoldsAsync(() => driver.Host.Control.ListeningStreams == 1, "the account's stream is listening");
        driver.Host.Control.ProcessNow();
        await StreamDriver.UpdatesUntilAsync(socket, StreamDriver.Is(id, "FILL"));
        driver.Host.Control.AddActivity("alice", SandboxEnvironment.Paper, "DIV", 1.10m, symbol: "AAPL", qty: 1m, perShareAmount: 1.10m);
        var created = await driver.Orders.GraphQLAsync("app-alice",
            """mutation { createWatchlist(input: { name: "Ticket", symbols: ["AAPL"] }) { watchlist { id } errors { __typename } } }""");
        Assert.True(created.Errors.Count == 0 && created.Data.GetProperty("createWatchlist").GetProperty("errors").GetArrayLength() == 0, created.Raw);
        var device = await driver.Orders.GraphQLAsync("app-alice",
            """mutation { registerPushDevice(input: { platform: EXPO, token: "ExponentPushToken[apollo-cache-device]" }) { device { id } errors { __typename } } }""");
        Assert.True(device.Errors.Count == 0 && device.Data.GetProperty("registerPushDevice").GetProperty("errors").GetArrayLength() == 0, device.Raw);
        return driver;
    }

    /// <summary>The object types with an <c>id</c> field, and each interface's and union's members (Apollo's possibleTypes).</summary>
    private static async Task<(HashSet<string> Identities, Dictionary<string, string[]> PossibleTypes)> SchemaAsync(OrderDriver driver)
    {
        var response = await driver.GraphQLAsync("app-alice", Introspection);
        Assert.True(response.Errors.Count == 0, response.Raw);
        var schema = response.Data.GetProperty("__schema");
        var roots = RootTypes.Select(r => schema.GetProperty(r)).Where(r => r.ValueKind == JsonValueKind.Object).Select(r => r.GetProperty("name").GetString()).ToHashSet();
        var types = schema.GetProperty("types").EnumerateArray().ToList();
        var objects = types.Where(t => t.GetProperty("kind").GetString() == "OBJECT" && t.GetProperty("name").GetString() is { } n
            && !n.StartsWith("__", StringComparison.Ordinal) && !roots.Contains(n)).ToList();

        static bool HasId(JsonElement type) => type.GetProperty("fields").EnumerateArray().Any(f => f.GetProperty("name").GetString() == "id"
            && (f.GetProperty("type").GetProperty("name").GetString() ?? f.GetProperty("type").GetProperty("ofType").GetProperty("name").GetString()) == "ID");

        var identities = objects.Where(HasId).Select(t => t.GetProperty("name").GetString()!).ToHashSet();
        // Payloads and errors answer one request; every other object type is an entity (with an id) or a named value.
        var unnamed = objects.Select(t => t.GetProperty("name").GetString()!)
            .Where(n => !identities.Contains(n) && !Values.Contains(n) && !n.EndsWith("Payload", StringComparison.Ordinal) && !n.EndsWith("Error", StringComparison.Ordinal))
            .ToList();
        Assert.True(unnamed.Count == 0, $"object types with neither an id nor a place in {nameof(Values)}: [{string.Join(", ", unnamed)}]");

        var possibleTypes = types.Where(t => t.GetProperty("kind").GetString() is "INTERFACE" or "UNION")
            .ToDictionary(t => t.GetProperty("name").GetString()!, t => t.GetProperty("possibleTypes").EnumerateArray().Select(p => p.GetProperty("name").GetString()!).ToArray());
        return (identities, possibleTypes);
    }

    private async Task<IReadOnlyList<string>> CacheKeysAsync(SandboxHost host, Dictionary<string, string[]> possibleTypes, params string[] unkeyed)
    {
        var file = Path.Combine(Path.GetTempPath(), $"apollo-cache-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, JsonSerializer.Serialize(new
        {
            possibleTypes,
            operations = Operations.Select(o => new { name = o.Name, document = o.Document }),
        }));
        try
        {
            var outcome = await NodeScript.RunAsync("apollo-cache-normalisation.mjs",
                [new Uri(host.BaseUri, "/graphql").ToString(), host.TokenFor("app-alice"), file, .. unkeyed]);
            output.WriteLine(outcome.ToString());
            Assert.True(outcome.ExitCode == 0, outcome.ToString());
            var result = JsonDocument.Parse(outcome.StdOut.Split('\n').Single(l => l.StartsWith("RESULT ", StringComparison.Ordinal))["RESULT ".Length..]).RootElement;
            Assert.True(result.GetProperty("errors").EnumerateObject().Any() is false, result.GetProperty("errors").ToString());
            return result.GetProperty("keys").EnumerateArray().Select(k => k.GetString()!).ToList();
        }
        finally
        {
            File.Delete(file);
        }
    }
}
