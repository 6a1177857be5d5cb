using System.Text;
using AlpacaConnect.Gql.Tests.TestHost;
using Snapshooter.Xunit;

namespace AlpacaConnect.Gql.Tests.GraphQL.Errors;

/// <summary>Pins the wire shape clients parse errors from; a change here is a breaking change for the app.</summary>
public sealed class ErrorShapeSnapshotTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task RequestAndTransportErrorsShareOneShape()
    {
        using var client = factory.CreateClient();
        async Task<object> Send(string body, string contentType = "application/json")
        {
            using var response = await client.PostAsync("/graphql", new StringContent(body, Encoding.UTF8, contentType));
            return new { status = (int)response.StatusCode, body = await response.Content.ReadAsStringAsync() };
        }

        var shapes = new
        {
            batch = await Send("""[{"query":"{ __typename }"}]"""),
            notJson = await Send("""{"query":"{ __typename }"}""", "text/plain"),
            missingQuery = await Send("""{"variables":{}}"""),
            unauthenticated = await Send("""{"query":"{ me { id } }"}"""),
            validation = await Send("""{"query":"{ nope }"}"""),
        };

        Snapshot.Match(shapes);
    }
}
