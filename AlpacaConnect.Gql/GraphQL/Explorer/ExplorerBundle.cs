using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace AlpacaConnect.Gql.GraphQL.Explorer;

/// <summary>
/// Where the explorer's files are, and whether it is served at all. The bundle is served as published by
/// ChilliCream, unmodified, straight from <c>node_modules</c>; only <c>bcp-config.json</c> is ours.
/// </summary>
internal sealed partial class ExplorerBundle
{
    public const string PackagePath = "node_modules/@chillicream/bananacakepop-graphql-ide";

    public ExplorerBundle(IOptions<ExplorerOptions> options, IHostEnvironment environment, ILogger<ExplorerBundle> logger)
    {
        Enabled = options.Value.Enabled ?? environment.IsDevelopment();
        var folder = options.Value.BundlePath is { Length: > 0 } configured
            ? Path.GetFullPath(configured, environment.ContentRootPath)
            : FindAbove(environment.ContentRootPath);
        if (folder is not null && File.Exists(Path.Combine(folder, "index.html")))
        {
            Files = new PhysicalFileProvider(folder);
        }
        else if (Enabled)
        {
            LogMissing(logger, folder ?? PackagePath);
        }
    }

    public bool Enabled { get; }

    /// <summary>Null when the bundle is not installed.</summary>
    public IFileProvider? Files { get; }

    private static string? FindAbove(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, PackagePath);
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    [LoggerMessage(EventId = 2201, Level = LogLevel.Warning, Message = "The GraphQL explorer is enabled but its bundle is missing at {Folder}; run 'npm ci' at the repository root")]
    private static partial void LogMissing(ILogger logger, string folder);
}
