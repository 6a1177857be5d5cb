using GraphQLParser;
using GraphQLParser.AST;
using GraphQLParser.Visitors;

namespace AlpacaConnect.Gql.GraphQL.TrustedDocuments;

/// <summary>
/// Builds the manifest of a folder of <c>.graphql</c> files, one named operation each (the layout of
/// <c>examples/</c>). A body is the parsed document printed again: comments and layout do not change an id.
/// </summary>
internal static class ManifestBuilder
{
    public static PersistedQueryManifest FromFolder(string folder) =>
        PersistedQueryManifest.Of(Directory.GetFiles(folder, "*.graphql").Select(file => FromFile(file)));

    private static ManifestOperation FromFile(string file)
    {
        var document = Parser.Parse(File.ReadAllText(file), new ParserOptions { Ignore = IgnoreOptions.Comments });
        var operations = document.Definitions.OfType<GraphQLOperationDefinition>().ToList();
        if (operations is not [{ Name: { } name } operation])
        {
            throw new InvalidDataException($"{Path.GetFileName(file)} must hold exactly one named operation.");
        }

        var body = new SDLPrinter().Print(document).ReplaceLineEndings("\n").Trim();
        return new ManifestOperation(PersistedQueryManifest.IdOf(body), name.StringValue, operation.Operation.ToString().ToLowerInvariant(), body);
    }
}
