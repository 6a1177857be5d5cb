using Npgsql;

namespace AlpacaConnect.Gql.Tests.TestHost;

/// <summary>
/// PostgreSQL and Redis for the scale-out tests, from the environment that <c>scripts/services.sh start</c> prints
/// (<c>scripts/test.sh</c> starts them). Outside CI, tests that need them are skipped, saying why, when they are not
/// there; in CI (<c>CI=true</c>) those tests run and fail instead, so a missing service is never a silent pass.
/// </summary>
public static class ScaleOutServices
{
    public const string PostgresVariable = "ALPACA_TEST_POSTGRES";
    public const string RedisVariable = "ALPACA_TEST_REDIS";

    /// <summary>With <c>Postgres</c>, every <see cref="ApiFactory"/> gets a database of its own on the test PostgreSQL.</summary>
    public const string ProviderVariable = "ALPACA_TEST_PROVIDER";

    private const string HowToStart = "run `bash scripts/test.sh`, or `eval \"$(scripts/services.sh start)\"` before `dotnet test`";

    public static string? Postgres => Variable(PostgresVariable);

    public static string? Redis => Variable(RedisVariable);

    public static bool EveryHostOnPostgres => string.Equals(Variable(ProviderVariable), "Postgres", StringComparison.OrdinalIgnoreCase);

    /// <summary>Null in CI and wherever both services are configured.</summary>
    public static string? SkipReason =>
        IsCi || (Postgres is not null && Redis is not null)
            ? null
            : $"needs PostgreSQL and Redis ({PostgresVariable}, {RedisVariable}): {HowToStart}";

    public static string RequirePostgres() =>
        Postgres ?? throw new InvalidOperationException($"{PostgresVariable} is not set: {HowToStart}.");

    public static string RequireRedis() =>
        Redis ?? throw new InvalidOperationException($"{RedisVariable} is not set: {HowToStart}.");

    private static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    private static string? Variable(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null;
}

/// <summary>A fact that needs PostgreSQL and Redis (see <see cref="ScaleOutServices"/>).</summary>
public sealed class ScaleOutFactAttribute : FactAttribute
{
    public ScaleOutFactAttribute() => Skip = ScaleOutServices.SkipReason;
}

/// <summary>A theory that needs PostgreSQL and Redis (see <see cref="ScaleOutServices"/>).</summary>
public sealed class ScaleOutTheoryAttribute : TheoryAttribute
{
    public ScaleOutTheoryAttribute() => Skip = ScaleOutServices.SkipReason;
}

/// <summary>A database of its own on the test PostgreSQL, dropped (with its connections) on dispose.</summary>
public sealed class PostgresDatabase : IDisposable
{
    private readonly string _admin = ScaleOutServices.RequirePostgres();
    private readonly string _name = $"alpaca_test_{Guid.NewGuid():N}";

    public PostgresDatabase()
    {
        Execute($"CREATE DATABASE \"{_name}\"");
        // A pool of 40 per database: Npgsql's default of 100, with test classes running side by side (200 concurrent orders
        // in one of them), passed the throwaway server's max_connections (300). A caller waits for a free connection instead.
        ConnectionString = new NpgsqlConnectionStringBuilder(_admin) { Database = _name, MaxPoolSize = 40 }.ConnectionString;
    }

    public string ConnectionString { get; }

    public void Dispose() => Execute($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)");

    private void Execute(string sql)
    {
        // Not pooled: the admin connection must not keep a session in the pool of a test that is over.
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_admin) { Pooling = false }.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
