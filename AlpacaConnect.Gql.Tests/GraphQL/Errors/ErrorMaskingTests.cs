using System.Net;
using AlpacaConnect.Gql.Tests.TestHost;
using Microsoft.Extensions.Hosting;

namespace AlpacaConnect.Gql.Tests.GraphQL.Errors;

public sealed class ErrorMaskingTests
{
    [Fact]
    public async Task InProductionAnUnexpectedErrorIsInternalServerErrorWithNoDetail()
    {
        using var factory = new ApiFactory { EnvironmentName = Environments.Production }.WithServices(ProbeQueries.AddProbe);
        using var client = factory.CreateClient();

        var response = await client.PostGraphQLAsync("{ __typename boom }");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("Query", response.Data.GetProperty("__typename").GetString());
        var error = Assert.Single(response.Errors);
        Assert.Equal("Internal server error", error.GetProperty("message").GetString());
        Assert.Equal("INTERNAL_SERVER_ERROR", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.DoesNotContain("secret internal detail", response.Raw, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", response.Raw, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InDevelopmentTheExceptionIsShownWithTheSameCode()
    {
        using var factory = new ApiFactory().WithServices(ProbeQueries.AddProbe);
        using var client = factory.CreateClient();

        var response = await client.PostGraphQLAsync("{ boom }");

        Assert.Equal(["INTERNAL_SERVER_ERROR"], response.ErrorCodes);
        Assert.Contains("secret internal detail", response.Raw, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ErrorsCarryOnlyTheCodeInExtensions()
    {
        using var factory = new ApiFactory { EnvironmentName = Environments.Production };
        using var client = factory.CreateClient();

        var response = await client.PostGraphQLAsync("{ noSuchField }");

        var extensions = Assert.Single(response.Errors).GetProperty("extensions");
        Assert.Equal(["code"], extensions.EnumerateObject().Select(p => p.Name));
    }
}
