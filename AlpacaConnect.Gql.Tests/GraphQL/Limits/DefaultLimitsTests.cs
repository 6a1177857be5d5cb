using AlpacaConnect.Gql.Tests.TestHost;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace AlpacaConnect.Gql.Tests.GraphQL.Limits;

/// <summary>The default limits must not refuse what a real client legitimately asks for.</summary>
public sealed class DefaultLimitsTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task TheLargestOrdersPageWithEveryScalarFieldIsWithinTheDefaultLimits()
    {
        var order = (IObjectGraphType)factory.Services.GetRequiredService<ISchema>().AllTypes["Order"]!;
        var fields = string.Join(' ', order.Fields.Where(f => f.ResolvedType?.GetNamedType() is ScalarGraphType or EnumerationGraphType).Select(f => f.Name));
        using var client = factory.CreateClientFor("app-alice");

        var response = await client.PostGraphQLAsync(
            $"{{ orders(first: 100, status: ALL) {{ totalCount pageInfo {{ hasNextPage endCursor }} edges {{ cursor node {{ {fields} }} }} }} }}");

        Assert.Empty(response.ErrorCodes);
        Assert.Equal(0, response.Data.GetProperty("orders").GetProperty("totalCount").GetInt32()); // validated and ran
    }
}
