namespace AlpacaConnect.Gql.Persistence;

/// <summary>
/// Named mutual exclusion held by every server instance that shares the database: in-process on SQLite (one server
/// owns the file), a PostgreSQL advisory lock on PostgreSQL. Hold one only around work that must not interleave
/// with the same work elsewhere (a check and the insert it allows), and release it by disposing.
/// </summary>
internal interface ISharedLocks
{
    Task<IAsyncDisposable> AcquireAsync(string name, CancellationToken cancellationToken);
}
