using AlpacaConnect.Gql.Tests.TestHost;

namespace AlpacaConnect.Gql.Tests.GraphQL.Schema;

/// <summary>
/// <c>scripts/schema-check.mjs</c> (graphql-inspector) holds <c>schema.graphql</c> to the released schema
/// (<c>schema/released.graphql</c>): apps already installed keep working. The variants are the current schema with
/// one edit, in a folder of their own, checked against the current schema.
/// </summary>
public sealed class SchemaEvolutionTests : IDisposable
{
    private static readonly string Check = RepositoryRoot.Combine("scripts", "schema-check.mjs");
    // The variants differ from the current schema by their one edit, so the current schema is their baseline: what
    // the current schema adds to the released one is TheCurrentSchemaBreaksNothingThatWasReleased's business.
    private static readonly string Baseline = RepositoryRoot.Combine("schema.graphql");
    private const string AccountNumber = "  accountNumber: String!\n  status: AccountStatus!\n";
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("schema-check-");

    [Fact]
    public async Task TheCurrentSchemaBreaksNothingThatWasReleased()
    {
        var outcome = await NodeScript.RunFileAsync(Check, []);

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        Assert.Contains("0 breaking", outcome.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RemovingAFieldThatWasNotDeprecatedFailsNamingTheField()
    {
        var current = Variant("removed", AccountNumber, "  status: AccountStatus!\n");

        var outcome = await NodeScript.RunFileAsync(Check, [Baseline, current]);

        Assert.True(outcome.ExitCode == 1, outcome.ToString());
        Assert.Contains("BREAKING TradingAccount.accountNumber: Field 'accountNumber' was removed", outcome.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddingAFieldAndATypePasses()
    {
        var current = Variant("added", AccountNumber, AccountNumber + "  \"A name the user gave the account.\"\n  nickname: String\n",
            append: "\n\"A type no field returns yet.\"\ntype PriceAlert {\n  id: ID!\n  symbols: [String!]!\n}\n");

        var outcome = await NodeScript.RunFileAsync(Check, [Baseline, current]);

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        Assert.Contains("0 breaking, 0 dangerous,", outcome.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RemovingAFieldDeprecatedInTheReleasedSchemaPassesWithAWarning()
    {
        var released = Variant("released", AccountNumber,
            "  accountNumber: String! @deprecated(reason: \"Read alpacaConnection.accountNumber.\")\n  status: AccountStatus!\n");
        var current = Variant("removed", AccountNumber, "  status: AccountStatus!\n");

        var outcome = await NodeScript.RunFileAsync(Check, [released, current]);

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        Assert.Contains("WARNING TradingAccount.accountNumber: Field 'accountNumber' (deprecated) was removed", outcome.StdOut, StringComparison.Ordinal);
        Assert.Contains("0 breaking, 1 dangerous", outcome.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangingAnArgumentOrAFieldToAnIncompatibleTypeFails()
    {
        var argument = Variant("argument", "  order(id: ID!): Order\n", "  order(id: Int!): Order\n");
        // A field that could be null now breaks apps whose generated models read it as always present.
        var field = Variant("field", "  filledQty: DecimalString!\n", "  filledQty: DecimalString\n");

        var argumentOutcome = await NodeScript.RunFileAsync(Check, [Baseline, argument]);
        var fieldOutcome = await NodeScript.RunFileAsync(Check, [Baseline, field]);

        Assert.True(argumentOutcome.ExitCode == 1, argumentOutcome.ToString());
        Assert.Contains("BREAKING Query.order.id: Type for argument 'id' on field 'Query.order' changed from 'ID!' to 'Int!'", argumentOutcome.StdOut, StringComparison.Ordinal);
        Assert.True(fieldOutcome.ExitCode == 1, fieldOutcome.ToString());
        Assert.Contains("BREAKING Order.filledQty: Field 'Order.filledQty' changed type from 'DecimalString!' to 'DecimalString'", fieldOutcome.StdOut, StringComparison.Ordinal);
    }

    /// <summary>schema.graphql with the one occurrence of <paramref name="from"/> replaced, and <paramref name="append"/>
    /// at the end, written to the folder.</summary>
    private string Variant(string name, string from, string to, string append = "")
    {
        var schema = File.ReadAllText(RepositoryRoot.Combine("schema.graphql")).ReplaceLineEndings("\n");
        var at = schema.IndexOf(from, StringComparison.Ordinal);
        Assert.True(at >= 0 && schema.IndexOf(from, at + 1, StringComparison.Ordinal) < 0, $"schema.graphql no longer holds exactly one \"{from}\"");
        var path = Path.Combine(_folder.FullName, $"{name}.graphql");
        File.WriteAllText(path, string.Concat(schema.AsSpan(0, at), to, schema.AsSpan(at + from.Length), append));
        return path;
    }

    public void Dispose() => _folder.Delete(recursive: true);
}
