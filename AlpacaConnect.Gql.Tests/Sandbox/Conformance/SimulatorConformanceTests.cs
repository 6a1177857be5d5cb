using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using AlpacaConnect.Gql.Tests.TestHost;

namespace AlpacaConnect.Gql.Tests.Sandbox.Conformance;

/// <summary>
/// The simulator held to Alpaca's own contract: each response the server relies on is validated against the response
/// schema of Alpaca's published OpenAPI spec (required fields, types, enums, formats), less the deviations listed in
/// <see cref="AlpacaSpecDeviations"/>.
/// </summary>
public sealed class SimulatorConformanceTests(SandboxHost host) : IClassFixture<SandboxHost>
{
    public static TheoryData<string> Calls => [.. SimulatorCalls.All.Keys];

    [Theory]
    [MemberData(nameof(Calls))]
    public async Task EachResponseTheServerReliesOnMatchesAlpacasSpec(string call)
    {
        var (contract, method, path, status, send) = SimulatorCalls.All[call];
        var scene = await SimulatorScene.SetUpAsync(host);

        using var response = await send(scene);
        var body = await response.JsonAsync();

        Assert.True((int)response.StatusCode == status, $"{call}: {method} {path} answered {(int)response.StatusCode}, not {status}: {body}");
        var schema = contract.ResponseSchema(path, method, status, Deviations(contract));
        var problems = SchemaCheck.Problems(schema, body);
        Assert.True(problems.Count == 0,
            $"{call}: {method} {path} {status} breaks {contract.Name}:\n  " + string.Join("\n  ", problems));
    }

    [Fact]
    public async Task CancellingOneOrderAnswers204WithoutABodyAsTheSpecSays()
    {
        var scene = await SimulatorScene.SetUpAsync(host);

        using var response = await scene.Paper.DeleteAsync($"v2/orders/{scene.OpenOrderId}");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsStringAsync());
    }

    /// <summary>Neither spec documents the OAuth token endpoint; facts 1.4 and §"Corrections" 3 give its body.</summary>
    [Fact]
    public async Task TheTokenResponseIsTheThreeFieldsAlpacaDocuments()
    {
        var code = (await host.ApproveAsync()).Query("code");

        using var response = await host.ExchangeAsync(code);

        var schema = OpenApiContract.FromFragment(JsonNode.Parse("""
            {"type":"object","required":["access_token","token_type","scope"],"additionalProperties":false,
             "properties":{"access_token":{"type":"string","minLength":1},"token_type":{"enum":["bearer"]},"scope":{"type":"string"}}}
            """)!);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(SchemaCheck.Problems(schema, await response.JsonAsync()));
    }

    /// <summary>The check itself can fail, and says where: a broken order names its field, value and rule.</summary>
    [Fact]
    public void ABrokenFieldIsReportedByItsPathValueAndRule()
    {
        var schema = OpenApiContract.Trading.ResponseSchema("/v2/orders", "GET", 200, AlpacaSpecDeviations.Trading);
        var body = JsonDocument.Parse("""
            [{"id":"not-a-uuid","notional":null,"type":"limit","time_in_force":"sometimes","position_intent":null,"created_at":"yesterday"}]
            """).RootElement;

        var problems = SchemaCheck.Problems(schema, body);

        Assert.Contains(problems, p => p.StartsWith("/0/id = \"not-a-uuid\": format", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("/0/time_in_force = \"sometimes\": enum", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("/0/position_intent = null: type", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("/0/created_at = \"yesterday\": format", StringComparison.Ordinal));
    }

    [Fact]
    public void AFieldAlpacaRemovedMustBeAbsent()
    {
        var schema = OpenApiContract.Trading.ResponseSchema("/v2/account", "GET", 200, AlpacaSpecDeviations.Trading);
        var body = JsonDocument.Parse("""{"id":"1c8f3e1a-0000-4000-8000-000000000001","status":"ACTIVE","pattern_day_trader":false}""").RootElement;

        Assert.Contains(SchemaCheck.Problems(schema, body), p => p.StartsWith("/pattern_day_trader = false: absent", StringComparison.Ordinal));
    }

    /// <summary>The vendored specs are Alpaca's bytes: each file's SHA-256 is the one its provenance README records.</summary>
    [Theory]
    [InlineData("trading-api.json")]
    [InlineData("market-data-api.json")]
    public void TheVendoredSpecsAreTheFilesTheirProvenanceNames(string file)
    {
        var folder = RepositoryRoot.Combine("AlpacaConnect.Gql.Tests", "Sandbox", "Conformance", "Specs");
        var hash = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(folder, file))));

        Assert.Contains($"| {hash} |", File.ReadAllText(Path.Combine(folder, "README.md")), StringComparison.Ordinal);
    }

    private static IReadOnlyList<SpecDeviation> Deviations(OpenApiContract contract) =>
        contract == OpenApiContract.Trading ? AlpacaSpecDeviations.Trading : AlpacaSpecDeviations.MarketData;
}
