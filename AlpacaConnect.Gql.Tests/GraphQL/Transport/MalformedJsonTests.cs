using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AlpacaConnect.Gql.Tests.TestHost;

namespace AlpacaConnect.Gql.Tests.GraphQL.Transport;

/// <summary>JSON that parses but is still malformed (duplicate keys, lone surrogates) is the client's error on both transports.</summary>
public sealed class MalformedJsonTests(ProbeApiFactory factory) : IClassFixture<ProbeApiFactory>
{
    public static TheoryData<string> MalformedBodies =>
    [
        """{"query":"{ __typename }","query":"{ __typename }"}""",
        """{"query":"{ __typename }","variables":{"a":1,"a":2}}""",
        """{"query":"{ __typename }","extensions":{"x":{"y":1,"y":1}}}""",
        """{"query":"{ __typename }","variables":{"a":"\ud800"}}""",
        """{"query":"{ __typename }","variables":{"\udc00":1}}""",
        """{"query":"{ __typename } # \ud800"}""",
        """{"query":"{ __typename }","operationName":"\ud834x"}""",
        """{"query":"{ __typename }","\udfff":1}""",
    ];

    [Theory]
    [MemberData(nameof(MalformedBodies))]
    public async Task APostBodyWithDuplicateKeysOrLoneSurrogatesIsABadRequest(string body)
    {
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(GraphQLHttp.GraphQLResponseJson));

        var response = await GraphQLHttp.ReadAsync(await client.SendAsync(request));

        Assert.True(response.Status == HttpStatusCode.BadRequest, response.Raw);
        Assert.Equal(["BAD_REQUEST"], response.ErrorCodes);
        Assert.Contains("JSON", response.Errors[0].GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"a":1,"a":2}""")]
    [InlineData("""{"a":"\ud800"}""")]
    public async Task GetVariablesWithDuplicateKeysOrLoneSurrogatesAreABadRequest(string variables)
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync($"/graphql?query=%7B__typename%7D&variables={Uri.EscapeDataString(variables)}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(MalformedBodies))]
    public async Task ASubscribePayloadWithDuplicateKeysOrLoneSurrogatesClosesWith4400(string payload)
    {
        await using var socket = await GraphQLSocket.ConnectAsync(factory);
        await socket.InitAsync();

        await socket.SendTextAsync($$"""{"type":"subscribe","id":"1","payload":{{payload}}}""");

        var (code, reason) = await socket.ExpectCloseAsync();
        Assert.Equal(4400, code);
        Assert.Contains("JSON", reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"type":"connection_init","type":"connection_init"}""")]
    [InlineData("""{"type":"ping\ud800"}""")]
    [InlineData("""{"type":"connection_init","payload":{"authorization":"\udc00"}}""")]
    [InlineData("""{"type":"connection_init","payload":{"a":1,"a":1}}""")]
    public async Task AProtocolMessageWithDuplicateKeysOrLoneSurrogatesClosesWith4400(string message)
    {
        await using var socket = await GraphQLSocket.ConnectAsync(factory);

        await socket.SendTextAsync(message);

        var (code, _) = await socket.ExpectCloseAsync();
        Assert.Equal(4400, code);
    }
}
