namespace AlpacaConnect.Gql.Persistence;

/// <summary>The database engine behind <see cref="AppDbContext"/>.</summary>
internal enum DatabaseProvider
{
    /// <summary>A file next to the server: one server instance.</summary>
    Sqlite,

    /// <summary>A shared PostgreSQL database: any number of server instances.</summary>
    Postgres,
}
