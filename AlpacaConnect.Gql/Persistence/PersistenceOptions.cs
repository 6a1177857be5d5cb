namespace AlpacaConnect.Gql.Persistence;

/// <summary>Where data lives (configuration section <c>Persistence</c>).</summary>
internal sealed class PersistenceOptions
{
    public const string Section = "Persistence";

    public const string DefaultSqliteConnectionString = "Data Source=data/alpaca-connect.db";

    /// <summary><c>Sqlite</c> (default, one server) or <c>Postgres</c> (several server instances sharing one database).</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>
    /// SQLite: defaults to <c>Data Source=data/alpaca-connect.db</c>; a relative <c>Data Source</c> is resolved against
    /// the content root and its folder is created at start-up. PostgreSQL: an Npgsql connection string
    /// (<c>Host=...;Database=...;Username=...;Password=...</c>), required; a secret when it holds a password.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>The configured connection string, or SQLite's default (PostgreSQL has none; the validator says so).</summary>
    public string ConnectionStringOrDefault() =>
        ConnectionString ?? (Provider == DatabaseProvider.Sqlite ? DefaultSqliteConnectionString : "");
}
