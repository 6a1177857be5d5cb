using System.Net;
using System.Text;
using AlpacaConnect.Gql.Tests.TestHost;

namespace AlpacaConnect.Gql.Tests.GraphQL.Transport;

public sealed class HttpTransportTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task PostingTypenameAnswersWithQuery()
    {
        using var client = factory.CreateClient();
        using var response = await client.PostAsync("/graphql",
            new StringContent("""{"query":"{ __typename }"}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("""{"data":{"__typename":"Query"}}""", await response.Content.ReadAsStringAsync());
    }
}
