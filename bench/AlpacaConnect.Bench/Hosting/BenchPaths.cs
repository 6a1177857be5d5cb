namespace AlpacaConnect.Bench.Hosting;

/// <summary>Where the server build is, and where a run keeps its databases and server logs.</summary>
public sealed record BenchPaths(string RepositoryRoot, string ServerDll, string WorkDirectory, string ResultsDirectory)
{
    public static BenchPaths Find(string? repositoryRoot, string? resultsDirectory)
    {
        var root = repositoryRoot ?? FindRoot(Directory.GetCurrentDirectory());
        var dll = Path.Combine(root, "AlpacaConnect.Gql", "bin", "Release", "net10.0", "AlpacaConnect.Gql.dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"No Release build of the server at {dll}; bench/run.sh builds it.");
        }

        // Databases and server logs of the last run, kept for a look after it (ignored by git).
        var work = Path.Combine(root, "bench", ".work");
        if (Directory.Exists(work))
        {
            Directory.Delete(work, recursive: true);
        }

        Directory.CreateDirectory(work);
        return new BenchPaths(root, dll, work, resultsDirectory ?? Path.Combine(root, "bench", "results"));
    }

    /// <summary>The same run's paths with the server build of another checkout (<c>--baseline</c>), and a work folder of its own.</summary>
    public BenchPaths WithServerOf(string checkout)
    {
        var root = Path.GetFullPath(checkout);
        var dll = Path.Combine(root, "AlpacaConnect.Gql", "bin", "Release", "net10.0", "AlpacaConnect.Gql.dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"No Release build of the baseline server at {dll}; bench/compare.sh builds it.");
        }

        var work = Path.Combine(WorkDirectory, "baseline");
        Directory.CreateDirectory(work);
        return this with { RepositoryRoot = root, ServerDll = dll, WorkDirectory = work };
    }

    public string Database(string name) => Path.Combine(WorkDirectory, name + ".db");

    private static string FindRoot(string from)
    {
        for (var directory = new DirectoryInfo(from); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "AlpacaConnect.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException("Run from inside the repository, or pass --repo.");
    }
}
