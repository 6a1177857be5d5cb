using AlpacaConnect.Gql.Tests.TestHost;
using GraphQLParser;
using GraphQLParser.AST;

namespace AlpacaConnect.Gql.Tests.Examples;

/// <summary>
/// The files of <c>examples/</c>. Each <c>name.graphql</c> holds one operation and runs once per variables file:
/// <c>name.variables.json</c> as step <c>name</c>, <c>name.variant.variables.json</c> as step <c>name.variant</c>;
/// without any, once as step <c>name</c>.
/// </summary>
public static class ExampleCatalog
{
    private const string VariablesSuffix = ".variables.json";

    public static string Folder { get; } = RepositoryRoot.Combine("examples");

    public static IReadOnlyList<string> OperationFiles =>
        [.. Directory.GetFiles(Folder, "*.graphql").Select(Path.GetFileName).Order(StringComparer.Ordinal)!];

    public static IReadOnlyList<string> VariablesFiles =>
        [.. Directory.GetFiles(Folder, "*" + VariablesSuffix).Select(Path.GetFileName).Order(StringComparer.Ordinal)!];

    /// <summary>The example a variables file belongs to: its name up to the first dot.</summary>
    public static string OperationOf(string variablesFile) => variablesFile.Split('.')[0] + ".graphql";

    public static string StepOf(string variablesFile) => variablesFile[..^VariablesSuffix.Length];

    public static IReadOnlyList<ExampleStep> Steps =>
    [
        .. OperationFiles.SelectMany(operation =>
        {
            var variables = VariablesFiles.Where(v => OperationOf(v) == operation).ToList();
            return variables.Count == 0
                ? [new ExampleStep(Path.GetFileNameWithoutExtension(operation), operation, null)]
                : variables.Select(v => new ExampleStep(StepOf(v), operation, v));
        }),
    ];

    public static string Read(string file) => File.ReadAllText(Path.Combine(Folder, file));

    /// <summary>The ids of the committed trusted documents manifest (<c>documents export</c> of this folder).</summary>
    public static IReadOnlyList<string> ManifestIds() =>
    [
        .. System.Text.Json.JsonDocument.Parse(File.ReadAllText(RepositoryRoot.Combine("persisted-query-manifest.json")))
            .RootElement.GetProperty("operations").EnumerateArray().Select(o => o.GetProperty("id").GetString()!),
    ];

    /// <summary>The file's only operation; fails on a syntax error, several operations or none.</summary>
    public static GraphQLOperationDefinition OperationIn(string operationFile)
    {
        var document = Parser.Parse(Read(operationFile));
        var operation = Assert.Single(document.Definitions.OfType<GraphQLOperationDefinition>());
        Assert.True(operation.Name is not null, $"{operationFile}: name the operation, as apps should");
        return operation;
    }
}

/// <summary>One run of an example operation, with one variables file or none.</summary>
public sealed record ExampleStep(string Id, string OperationFile, string? VariablesFile)
{
    public string Query => ExampleCatalog.Read(OperationFile);

    public OperationType Type => ExampleCatalog.OperationIn(OperationFile).Operation;

    public override string ToString() => Id;
}
