using AlpacaConnect.Gql.GraphQL.TrustedDocuments;
using AlpacaConnect.Gql.Tests.Examples;
using AlpacaConnect.Gql.Tests.TestHost;

namespace AlpacaConnect.Gql.Tests.GraphQL.TrustedDocuments;

/// <summary>The committed manifest is the manifest of <c>examples/</c> as <c>documents export</c> writes it.</summary>
public sealed class PersistedQueryManifestTests
{
    private static readonly string Committed = File.ReadAllText(RepositoryRoot.Combine(PersistedQueryManifest.FileName));

    [Fact]
    public void TheCommittedManifestIsTheManifestOfTheExamples()
    {
        var fresh = ManifestBuilder.FromFolder(ExampleCatalog.Folder).ToJson();

        Assert.True(fresh == Committed.ReplaceLineEndings("\n"),
            "persisted-query-manifest.json is stale: run `dotnet run --project AlpacaConnect.Gql -- documents export` and commit it.");
    }

    [Fact]
    public void EveryExampleIsInTheManifestByNameAndTypeWithItsIdTheSha256OfItsBody()
    {
        var (manifest, error) = PersistedQueryManifest.Parse(Committed);

        Assert.Null(error);
        Assert.Equal(PersistedQueryManifest.ApolloFormat, manifest!.Format);
        var expected = ExampleCatalog.OperationFiles
            .Select(ExampleCatalog.OperationIn)
            .Select(o => (o.Name!.Value.ToString(), o.Operation.ToString().ToLowerInvariant()))
            .Order();
        Assert.Equal(expected, manifest.Operations.Select(o => (o.Name, o.Type)).Order());
        Assert.All(manifest.Operations, o => Assert.Equal(PersistedQueryManifest.IdOf(o.Body), o.Id));
    }

    [Fact]
    public void CommentsAndLayoutDoNotChangeAnId()
    {
        var folder = Directory.CreateTempSubdirectory("manifest-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "a.graphql"), "# a comment\nquery Viewer { me { id name } }");
            var viewer = Assert.Single(ManifestBuilder.FromFolder(folder).Operations);

            File.WriteAllText(Path.Combine(folder, "a.graphql"), "query Viewer {\n  me {\n    # who\n    id\n    name\n  }\n}\n");
            Assert.Equal(viewer.Id, Assert.Single(ManifestBuilder.FromFolder(folder).Operations).Id);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void AManifestWhoseIdIsNotTheHashOfItsBodyIsRejected()
    {
        var tampered = Committed.Replace("me {", "me { email", StringComparison.Ordinal);

        var (manifest, error) = PersistedQueryManifest.Parse(tampered);

        Assert.Null(manifest);
        Assert.Contains("Viewer", error, StringComparison.Ordinal);
    }
}
