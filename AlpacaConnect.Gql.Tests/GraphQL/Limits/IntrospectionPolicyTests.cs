using System.Net;
using AlpacaConnect.Gql.Tests.TestHost;
using Microsoft.Extensions.Hosting;

namespace AlpacaConnect.Gql.Tests.GraphQL.Limits;

/// <summary>Outside Development the schema is not handed to strangers; clients ship with the committed schema.</summary>
public sealed class IntrospectionPolicyTests
{
    [Fact]
    public async Task ProductionRefusesAnAnonymousIntrospectionQueryWithATypedError()
    {
        using var production = new ApiFactory { EnvironmentName = Environments.Production };
        using var client = production.CreateClient();

        var response = await client.PostGraphQLAsync(IntrospectionQuery.Text);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.False(response.HasData);
        Assert.Contains("INTROSPECTION_DISABLED", response.ErrorCodes);
        Assert.DoesNotContain("placeOrder", response.Raw, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProductionRefusesASingleTypeLookupAndStillAnswersTypename()
    {
        using var production = new ApiFactory { EnvironmentName = Environments.Production };
        using var client = production.CreateClient();

        var lookup = await client.PostGraphQLAsync("{ __type(name: \"Order\") { fields { name } } }");
        var typename = await client.PostGraphQLAsync("{ __typename }");

        Assert.Equal(["INTROSPECTION_DISABLED"], lookup.ErrorCodes);
        Assert.Equal("Query", typename.Data.GetProperty("__typename").GetString());
    }

    [Fact]
    public async Task ASettingTurnsIntrospectionOnOutsideDevelopment()
    {
        using var production = new ApiFactory { EnvironmentName = Environments.Production }.WithSetting("GraphQL:IntrospectionEnabled", "true");
        using var client = production.CreateClient();

        var response = await client.PostGraphQLAsync("{ __schema { queryType { name } } }");

        Assert.Empty(response.Errors);
        Assert.Equal("Query", response.Data.GetProperty("__schema").GetProperty("queryType").GetProperty("name").GetString());
    }

    [Fact]
    public async Task DevelopmentAnswersIntrospection()
    {
        using var development = new ApiFactory();
        using var client = development.CreateClient();

        var response = await client.PostGraphQLAsync("{ __schema { queryType { name } } }");

        Assert.Empty(response.Errors);
    }
}
