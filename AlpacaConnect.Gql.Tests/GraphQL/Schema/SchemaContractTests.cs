using AlpacaConnect.Gql.GraphQL.Schema;
using AlpacaConnect.Gql.Tests.TestHost;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace AlpacaConnect.Gql.Tests.GraphQL.Schema;

public sealed class SchemaContractTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public void TheCommittedSchemaFileMatchesTheRunningSchema()
    {
        var running = SchemaExport.Print(factory.Services.GetRequiredService<ISchema>());
        var committed = File.ReadAllText(RepositoryRoot.Combine("schema.graphql")).ReplaceLineEndings("\n");

        Assert.True(
            committed == running,
            "schema.graphql differs from the running schema. If the change is intended, re-export it with\n" +
            "  dotnet run --project AlpacaConnect.Gql -- schema export\nand commit the file.\n\n--- running schema\n" + running);
    }
}
