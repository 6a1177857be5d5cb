using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AlpacaConnect.Gql.Tests.TestHost;

namespace AlpacaConnect.Gql.Tests.GraphQL.Transport;

public sealed class HttpTransportTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    [Fact]
    public async Task PostingTypenameAnswersWithQuery()
    {
        using var client = factory.CreateClient();
        using var response = await client.PostAsync("/graphql", Json("""{"query":"{ __typename }"}"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.Equal("""{"data":{"__typename":"Query"}}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AcceptingGraphQLResponseJsonGetsThatMediaType()
    {
        using var client = factory.CreateClient();
        var response = await client.PostGraphQLAsync("{ __typename }");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("application/graphql-response+json", response.MediaType);
    }

    [Fact]
    public async Task QueriesRunOverGet()
    {
        using var client = factory.CreateClient();
        using var response = await client.GetAsync("/graphql?query=%7B__typename%7D");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"data":{"__typename":"Query"}}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task MutationOverGetIsRefusedWith405AndAllowPost()
    {
        using var client = factory.CreateClient();
        using var response = await client.GetAsync("/graphql?query=" + Uri.EscapeDataString("mutation { __typename }"));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["POST"], response.Content.Headers.Allow);
        Assert.Equal(["METHOD_NOT_ALLOWED"], (await GraphQLHttp.ReadAsync(response)).ErrorCodes);
    }

    [Fact]
    public async Task OtherMethodsGet405WithAllow()
    {
        using var client = factory.CreateClient();
        using var response = await client.PutAsync("/graphql", Json("""{"query":"{ __typename }"}"""));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["GET", "POST"], response.Content.Headers.Allow);
    }

    [Fact]
    public async Task BatchArrayIsRefusedWithAClearError()
    {
        using var client = factory.CreateClient();
        using var response = await client.PostAsync("/graphql", Json("""[{"query":"{ __typename }"},{"query":"{ __typename }"}]"""));
        var body = await GraphQLHttp.ReadAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["BATCHING_NOT_SUPPORTED"], body.ErrorCodes);
        Assert.Contains("one operation per request", body.Errors[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.False(body.HasData);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/json; charset=latin1")]
    public async Task NonJsonBodiesGet415(string contentType)
    {
        using var client = factory.CreateClient();
        using var content = new ByteArrayContent("""{"query":"{ __typename }"}"""u8.ToArray());
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        using var response = await client.PostAsync("/graphql", content);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal(["UNSUPPORTED_MEDIA_TYPE"], (await GraphQLHttp.ReadAsync(response)).ErrorCodes);
    }

    [Fact]
    public async Task BodiesOverTheLimitGet413()
    {
        using var client = factory.CreateClient();
        var padding = new string(' ', 70 * 1024);
        using var response = await client.PostAsync("/graphql", Json("{\"query\":\"{ __typename }" + padding + "\"}"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(["REQUEST_TOO_LARGE"], (await GraphQLHttp.ReadAsync(response)).ErrorCodes);
    }

    [Fact]
    public async Task UnacceptableAcceptGets406()
    {
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = Json("""{"query":"{ __typename }"}""") };
        request.Headers.Accept.ParseAdd("image/png");
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
    }

    [Fact]
    public async Task InvalidJsonGets400()
    {
        using var client = factory.CreateClient();
        using var response = await client.PostAsync("/graphql", Json("""{"query":"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["BAD_REQUEST"], (await GraphQLHttp.ReadAsync(response)).ErrorCodes);
    }

    [Fact]
    public async Task ValidationErrorsAre400ForGraphQLResponseJsonAnd200ForLegacyJson()
    {
        using var client = factory.CreateClient();
        var modern = await client.PostGraphQLAsync("{ noSuchField }");
        var legacy = await client.PostGraphQLAsync("{ noSuchField }", accept: "application/json");

        Assert.Equal(HttpStatusCode.BadRequest, modern.Status);
        Assert.Equal(HttpStatusCode.OK, legacy.Status);
        Assert.False(modern.HasData);
        Assert.Equal(["VALIDATION_FAILED"], modern.ErrorCodes);
    }

    [Fact]
    public async Task SyntaxErrorsCarryTheirCode()
    {
        using var client = factory.CreateClient();
        var response = await client.PostGraphQLAsync("{ __typename ");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(["SYNTAX_ERROR"], response.ErrorCodes);
    }

    [Fact]
    public async Task SubscriptionsOverHttpPointToTheWebSocket()
    {
        using var client = factory.CreateClient();
        var response = await client.PostGraphQLAsync("subscription { __typename }");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Contains("WebSocket", response.Errors[0].GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task VariablesAndOperationNameAreHonoured()
    {
        using var client = factory.CreateClient();
        var response = await client.PostGraphQLAsync(
            "query A { a: __typename } query B($skip: Boolean!) { b: __typename @skip(if: $skip) c: __typename }",
            variables: new { skip = true },
            operationName: "B");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("""{"c":"Query"}""", response.Data.GetRawText());
    }
}
