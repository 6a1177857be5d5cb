namespace AlpacaConnect.Gql.GraphQL.TrustedDocuments;

/// <summary>
/// <c>dotnet run --project AlpacaConnect.Gql -- documents export [examples-folder] [manifest-path]</c> writes the
/// persisted query manifest of the app's operations (default: <c>examples/</c> into
/// <c>persisted-query-manifest.json</c> at the repository root, which the build embeds) and exits. It needs no
/// configuration, so it runs before the host is built.
/// </summary>
internal static class DocumentsExport
{
    public static bool IsRequested(string[] args) => args is ["documents", "export", ..];

    public static async Task RunAsync(string[] args)
    {
        var root = RepositoryRoot();
        var folder = Path.GetFullPath(args.Length > 2 ? args[2] : Path.Combine(root, "examples"));
        var path = Path.GetFullPath(args.Length > 3 ? args[3] : Path.Combine(root, PersistedQueryManifest.FileName));
        var manifest = ManifestBuilder.FromFolder(folder);
        await File.WriteAllTextAsync(path, manifest.ToJson());
        Console.WriteLine($"Wrote {path} ({manifest.Operations.Count} operations)");
    }

    /// <summary><c>dotnet run</c> may start anywhere below the repository; the manifest lives beside the solution.</summary>
    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AlpacaConnect.sln")))
            {
                return dir.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
