using Microsoft.Data.Sqlite;

namespace AlpacaConnect.Gql.Persistence;

internal static class SqliteConnectionStrings
{
    /// <summary>Anchors a relative data source at the content root, so the file does not move with the working directory.</summary>
    public static string Resolve(string connectionString, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.DataSource is { Length: > 0 } source && source != ":memory:" && builder.Mode != SqliteOpenMode.Memory && !Path.IsPathRooted(source))
        {
            builder.DataSource = Path.GetFullPath(Path.Combine(contentRoot, source));
        }

        return builder.ToString();
    }
}
