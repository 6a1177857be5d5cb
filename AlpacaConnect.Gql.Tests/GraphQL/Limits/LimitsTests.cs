using System.Net;
using AlpacaConnect.Gql.Tests.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace AlpacaConnect.Gql.Tests.GraphQL.Limits;

public sealed class LimitsTests : IDisposable
{
    private readonly ApiFactory _factory = new ApiFactory()
        .WithSetting("GraphQL:MaxDepth", "5")
        .WithSetting("GraphQL:MaxComplexity", "50")
        .WithServices(ProbeQueries.AddProbe);

    private ProbeRecorder Recorder => _factory.Services.GetRequiredService<ProbeRecorder>();

    [Fact]
    public async Task AQueryOverTheDepthLimitIsRefusedBeforeAnyResolverRuns()
    {
        using var client = _factory.CreateClient();

        var response = await client.PostGraphQLAsync("{ probe { child { child { child { child { child { hits } } } } } } }");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(["QUERY_TOO_COMPLEX"], response.ErrorCodes);
        Assert.Contains("depth", response.Errors[0].GetProperty("message").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.False(response.HasData);
        Assert.Equal(0, Recorder.Hits);
    }

    [Fact]
    public async Task AQueryOverTheComplexityLimitIsRefusedBeforeAnyResolverRuns()
    {
        using var client = _factory.CreateClient();

        var response = await client.PostGraphQLAsync("{ probe { children { children { children { hits } } } } }");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(["QUERY_TOO_COMPLEX"], response.ErrorCodes);
        Assert.Contains("complex", response.Errors[0].GetProperty("message").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, Recorder.Hits);
    }

    [Fact]
    public async Task AQueryWithinTheLimitsRuns()
    {
        using var client = _factory.CreateClient();

        var response = await client.PostGraphQLAsync("{ probe { child { hits } } }");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(2, Recorder.Hits);
    }

    [Fact]
    public async Task TheBrowserIntrospectionQueryWorksDespiteTheDepthLimit()
    {
        using var client = _factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(
                System.Text.Json.JsonSerializer.Serialize(new { query = IntrospectionQuery.Text, operationName = "IntrospectionQuery" }),
                System.Text.Encoding.UTF8,
                "application/json"),
        };
        request.Headers.Accept.ParseAdd("application/graphql-response+json, application/json;q=0.9");
        request.Headers.Add("Origin", "http://localhost:5080");
        request.Headers.UserAgent.ParseAdd("Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0");
        using var response = await client.SendAsync(request);
        var body = await GraphQLHttp.ReadAsync(response);

        Assert.True(body.Status == HttpStatusCode.OK, body.Raw);
        Assert.Empty(body.Errors);
        Assert.Equal("Query", body.Data.GetProperty("__schema").GetProperty("queryType").GetProperty("name").GetString());
    }

    [Fact]
    public async Task IntrospectionDeeperThanItsOwnAllowanceIsStillRefused()
    {
        using var client = _factory.CreateClient();
        var deep = "{ __schema { types { fields { type " + string.Concat(Enumerable.Repeat("{ ofType ", 20)) + "{ name }" + new string('}', 20) + " } } } }";

        var response = await client.PostGraphQLAsync(deep);

        Assert.Equal(["QUERY_TOO_COMPLEX"], response.ErrorCodes);
    }

    [Fact]
    public async Task ManyAliasedCopiesOfTheSchemaAreRefused()
    {
        using var client = _factory.CreateClient();
        var copies = string.Join(" ", Enumerable.Range(0, 200).Select(i => $"s{i}: __schema {{ types {{ name fields {{ name }} }} }}"));

        var response = await client.PostGraphQLAsync("{ " + copies + " }");

        Assert.Equal(["QUERY_TOO_COMPLEX"], response.ErrorCodes);
    }

    public void Dispose() => _factory.Dispose();
}
