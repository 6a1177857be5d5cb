using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace AlpacaConnect.Bench.Hosting;

/// <summary>
/// The configuration each server process of a run gets, as <c>Section:Key</c> settings. Everything not set here is the
/// server's default, so the figures describe the server as shipped, except where a scenario says otherwise.
/// </summary>
public sealed class AppSettings
{
    /// <summary>Where the app sends the browser after the consent; nothing follows the redirect in a benchmark.</summary>
    public const string ReturnTo = "https://bench.invalid/connected";

    /// <summary>Registered with the sandbox so the bench can get its own sandbox tokens for direct calls.</summary>
    public const string BenchRedirectUri = "https://bench.invalid/callback";

    public const string SandboxClientId = "sandbox-client";

    private readonly string _keyRingFile = $"key-ring-{Guid.NewGuid():N}.pfx";
    private readonly Lock _keyRingLock = new();

    private readonly string? _postgres;

    /// <summary>The PostgreSQL databases this run has made.</summary>
    private readonly HashSet<string> _databases = [];
    private readonly Lock _databasesLock = new();

    /// <summary>Tells one run's PostgreSQL databases from another's: each server's is named after its file and this.</summary>
    private readonly string _run = Convert.ToHexString(RandomNumberGenerator.GetBytes(4)).ToLowerInvariant();

    private AppSettings(string? postgres)
    {
        _postgres = postgres;
    }

    /// <summary>Whether the servers keep their data in SQLite files, as shipped (no <c>--postgres</c>).</summary>
    public bool OnSqlite => _postgres is null;

    /// <summary>"SQLite", or "PostgreSQL" when the run keeps the servers' data there.</summary>
    public string Database => OnSqlite ? "SQLite" : "PostgreSQL";

    /// <summary>App-user JWTs are signed with this; the bench mints its users' tokens with it. Random per run.</summary>
    public string SigningKey { get; } = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));

    /// <summary>The sandbox's OAuth client secret, random per run, so an Alpaca-mode server can use a separate sandbox.</summary>
    public string SandboxClientSecret { get; } = Convert.ToHexString(RandomNumberGenerator.GetBytes(24));

    /// <summary>Opens the sandbox's <c>/sandbox/control</c>, closed outside Development without it. Random per run.</summary>
    public string SandboxControlSecret { get; } = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));

    /// <summary>Encrypts each server's key ring, as Production requires; the password is random per run.</summary>
    public string KeyRingPassword { get; } = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));

    public static AppSettings ForRun(string? postgres = null) => new(postgres);

    /// <summary>Production, as deployed: no explorer, no dev token endpoint; the bench signs its own app-user tokens.</summary>
    public Dictionary<string, string> Common(string database) => With(BenchVolume(), new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["Jwt:SigningKey"] = SigningKey,
        ["Persistence:Provider"] = OnSqlite ? "Sqlite" : "Postgres",
        ["Persistence:ConnectionString"] = OnSqlite ? $"Data Source={database}" : PostgresDatabase(database),
        ["DataProtection:CertificatePath"] = KeyRingCertificate(Path.GetDirectoryName(Path.GetFullPath(database))!),
        ["DataProtection:CertificatePassword"] = KeyRingPassword,
        ["Connections:AllowedReturnTo:0"] = ReturnTo,
        // The bench asks the schema (__type) whether a scenario's subscription exists; off by default outside Development.
        ["GraphQL:IntrospectionEnabled"] = "true",
        // Guardrails are per-user daily budgets; thousands of benchmark orders would exhaust the defaults.
        ["Guardrails:MaxOrdersPerDay"] = "100000",
        ["Guardrails:MaxDailyNotional"] = "1000000000",
    });

    /// <summary>The embedded sandbox as upstream (Alpaca:Mode=Sandbox), with a known client secret and the bench's redirect URI.</summary>
    public Dictionary<string, string> SandboxMode(string database) => With(Common(database), new()
    {
        ["Alpaca:Mode"] = "Sandbox",
        ["Sandbox:AllowOutsideDevelopment"] = "true",
        ["Sandbox:ControlSecret"] = SandboxControlSecret,
        ["Sandbox:OAuth:ClientSecret"] = SandboxClientSecret,
        ["Sandbox:OAuth:RedirectUris:0"] = BenchRedirectUri,
    });

    /// <summary>
    /// Alpaca mode against a sandbox served by another process, as <c>ConnectionRestartTests</c> configures it, so the
    /// upstream outlives restarts of this server.
    /// </summary>
    public Dictionary<string, string> AlpacaModeAgainst(string database, Uri sandbox, Uri self) => With(Common(database), new()
    {
        ["Alpaca:Mode"] = "Alpaca",
        ["Alpaca:ClientId"] = SandboxClientId,
        ["Alpaca:ClientSecret"] = SandboxClientSecret,
        ["Alpaca:RedirectUri"] = Callback(self),
        ["Alpaca:AuthorizeUrl"] = new Uri(sandbox, "/sandbox/oauth/authorize").ToString(),
        ["Alpaca:TokenUrl"] = new Uri(sandbox, "/sandbox/oauth/token").ToString(),
        ["Alpaca:TradingPaperBaseUrl"] = new Uri(sandbox, "/sandbox/paper").ToString(),
        ["Alpaca:TradingLiveBaseUrl"] = new Uri(sandbox, "/sandbox/live").ToString(),
        ["Alpaca:DataBaseUrl"] = new Uri(sandbox, "/sandbox/data").ToString(),
        // The trade_updates sockets are configured apart from the Trading API hosts; left at their defaults they
        // would point at Alpaca itself.
        ["Alpaca:StreamPaperUrl"] = WebSocket(new Uri(sandbox, "/sandbox/paper/stream")),
        ["Alpaca:StreamLiveUrl"] = WebSocket(new Uri(sandbox, "/sandbox/live/stream")),
    });

    /// <summary>
    /// Lifts both request budgets (the server's per-account limiter and the sandbox's 200/minute) for scenarios that
    /// measure something else at rates far above what one Alpaca account may send.
    /// </summary>
    public static Dictionary<string, string> Unthrottled() => new()
    {
        ["Alpaca:RateLimit:PermitLimit"] = "100000",
        ["Sandbox:RateLimit:RequestsPerMinute"] = "1000000",
    };

    /// <summary>
    /// The run's PostgreSQL server with a database of this server's own, named after the SQLite file it would have used,
    /// made here the first time it is asked for (the server's migrations expect it to exist).
    /// </summary>
    private string PostgresDatabase(string database)
    {
        var name = $"bench_{_run}_" + new string([.. Path.GetFileNameWithoutExtension(database).ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_')]);
        lock (_databasesLock)
        {
            if (_databases.Add(name))
            {
                using var connection = new Npgsql.NpgsqlConnection(_postgres);
                connection.Open();
                using var create = connection.CreateCommand();
                create.CommandText = $"CREATE DATABASE \"{name}\"";
                create.ExecuteNonQuery();
            }
        }

        return new Npgsql.NpgsqlConnectionStringBuilder(_postgres) { Database = name }.ConnectionString;
    }

    /// <summary>A throwaway self-signed certificate in <paramref name="folder"/>, made once per run and folder.</summary>
    private string KeyRingCertificate(string folder)
    {
        var path = Path.Combine(folder, _keyRingFile);
        lock (_keyRingLock)
        {
            if (!File.Exists(path))
            {
                using var key = RSA.Create(2048);
                var request = new CertificateRequest("CN=alpaca-connect-bench-key-ring", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
                var now = TimeProvider.System.GetUtcNow();
                using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(1));
                Directory.CreateDirectory(folder);
                File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, KeyRingPassword));
            }
        }

        return path;
    }

    private static string WebSocket(Uri http) => new UriBuilder(http) { Scheme = "ws" }.Uri.ToString();

    public static string Callback(Uri server) => new Uri(server, "/auth/alpaca/callback").ToString();

    /// <summary>A value that leaves the setting out of the server's environment, so the server's default holds.</summary>
    public const string Shipped = "(the server's default)";

    /// <summary>
    /// The edge limits (decision 0017) are sized for one app user; the bench's scenarios send thousands of requests a
    /// second and hold a thousand sockets as one user from one address. Only the abuse scenario measures the limits,
    /// and it sets them itself (<see cref="ShippedEdgeLimits"/>).
    /// </summary>
    public static Dictionary<string, string> BenchVolume() => new()
    {
        ["GraphQL:RateLimits:PerUserBurst"] = "1000000",
        ["GraphQL:RateLimits:PerIpBurst"] = "1000000",
        ["GraphQL:WebSockets:MaxSocketsPerIp"] = "100000",
        ["GraphQL:WebSockets:MaxAnonymousSockets"] = "100000",
    };

    /// <summary>Takes <see cref="BenchVolume"/> away again: the edge limits as shipped.</summary>
    public static Dictionary<string, string> ShippedEdgeLimits() => BenchVolume().ToDictionary(s => s.Key, _ => Shipped);

    public static Dictionary<string, string> With(Dictionary<string, string> settings, Dictionary<string, string> more)
    {
        foreach (var (key, value) in more)
        {
            settings[key] = value;
        }

        return settings;
    }
}
