using GraphQL;
using GraphQL.Types;
using GraphQL.Utilities;

namespace AlpacaConnect.Gql.GraphQL.Schema;

/// <summary>
/// <c>dotnet run --project AlpacaConnect.Gql -- schema export [path]</c> writes the running schema's SDL
/// (default: <c>schema.graphql</c> at the repository root) and exits without serving.
/// </summary>
internal static class SchemaExport
{
    public static bool IsRequested(string[] args) => args is ["schema", "export", ..];

    public static string Print(ISchema schema) =>
        schema.Print(new PrintOptions { IncludeDescriptions = true, IncludeDeprecationReasons = true }).ReplaceLineEndings("\n").TrimEnd() + "\n";

    public static async Task RunAsync(WebApplication app, string[] args)
    {
        var path = Path.GetFullPath(args.Length > 2 ? args[2] : DefaultPath(app.Environment.ContentRootPath));
        var sdl = Print(app.Services.GetRequiredService<ISchema>());
        await File.WriteAllTextAsync(path, sdl);
        Console.WriteLine($"Wrote {path}");
    }

    /// <summary><c>dotnet run</c> starts in the project folder; the contract lives beside the solution.</summary>
    private static string DefaultPath(string contentRoot)
    {
        for (var dir = new DirectoryInfo(contentRoot); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AlpacaConnect.sln")))
            {
                return Path.Combine(dir.FullName, "schema.graphql");
            }
        }

        return "schema.graphql";
    }
}
