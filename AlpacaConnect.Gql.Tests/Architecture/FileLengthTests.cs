namespace AlpacaConnect.Gql.Tests.Architecture;

/// <summary>Files of one reading: no production source file over 300 lines (generated EF migrations excepted).</summary>
public sealed class FileLengthTests
{
    private const int MaxLines = 300;

    [Fact]
    public void NoProductionFileIsOverThreeHundredLines()
    {
        var server = Path.Combine(RepositoryRoot(), "AlpacaConnect.Gql");
        var tooLong = Directory.EnumerateFiles(server, "*.cs", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(server, path))
            .Where(path => !IsBuildOutput(path) && !IsGeneratedMigration(path))
            .Select(path => (Path: path, Lines: File.ReadLines(Path.Combine(server, path)).Count()))
            .Where(file => file.Lines > MaxLines)
            .Select(file => $"{file.Path}: {file.Lines} lines");

        Assert.Empty(tooLong);
    }

    private static bool IsBuildOutput(string path) =>
        path.StartsWith("obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
        || path.StartsWith("bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    /// <summary><c>dotnet ef migrations add</c> writes these; nobody reads them as code.</summary>
    private static bool IsGeneratedMigration(string path) =>
        path.Split(Path.DirectorySeparatorChar).Contains("Migrations");

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "AlpacaConnect.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("The repository root (AlpacaConnect.sln) was not found.");
    }
}
