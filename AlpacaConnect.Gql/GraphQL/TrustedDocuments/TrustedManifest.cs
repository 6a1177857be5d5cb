using System.Collections.Frozen;
using GraphQLParser;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;

namespace AlpacaConnect.Gql.GraphQL.TrustedDocuments;

/// <summary>The trusted operations by id, each parsed once at start (a parsed document is immutable and shared).</summary>
internal sealed class TrustedManifest
{
    private readonly FrozenDictionary<string, TrustedOperation> _operations;

    private TrustedManifest(FrozenDictionary<string, TrustedOperation> operations) => _operations = operations;

    public static TrustedManifest Empty { get; } = new(FrozenDictionary<string, TrustedOperation>.Empty);

    public int Count => _operations.Count;

    public TrustedOperation? Find(string id) => _operations.GetValueOrDefault(id);

    /// <summary>The manifest the options name (none when off), or why it cannot be used.</summary>
    public static (TrustedManifest? Manifest, string? Error) Load(TrustedDocumentsOptions options)
    {
        if (options.Mode == TrustedDocumentsMode.Off)
        {
            return (Empty, null);
        }

        string json;
        try
        {
            json = options.ManifestPath is { Length: > 0 } path ? File.ReadAllText(path) : BuiltIn();
        }
        catch (IOException exception)
        {
            return (null, exception.Message);
        }
        catch (UnauthorizedAccessException exception)
        {
            return (null, exception.Message);
        }

        var (manifest, error) = PersistedQueryManifest.Parse(json);
        if (manifest is null)
        {
            return (null, error);
        }

        var operations = new Dictionary<string, TrustedOperation>(StringComparer.Ordinal);
        foreach (var operation in manifest.Operations)
        {
            try
            {
                operations[operation.Id] = new TrustedOperation(operation.Body, Parser.Parse(operation.Body, new ParserOptions { Ignore = IgnoreOptions.Comments }));
            }
            catch (Exception exception) when (exception is GraphQLParserException or GraphQLMaxDepthExceededException)
            {
                return (null, $"operation '{operation.Name}' does not parse: {exception.Message}");
            }
        }

        return (new TrustedManifest(operations.ToFrozenDictionary(StringComparer.Ordinal)), null);
    }

    /// <summary>The manifest of <c>examples/</c>, embedded by the build so a published server carries it.</summary>
    private static string BuiltIn()
    {
        using var stream = typeof(TrustedManifest).Assembly.GetManifestResourceStream(PersistedQueryManifest.FileName)
            ?? throw new IOException($"The build embedded no {PersistedQueryManifest.FileName}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

internal sealed record TrustedOperation(string Body, GraphQLDocument Document);
