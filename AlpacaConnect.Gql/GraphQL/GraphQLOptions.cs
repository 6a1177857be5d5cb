using System.ComponentModel.DataAnnotations;

namespace AlpacaConnect.Gql.GraphQL;

/// <summary>Limits of the GraphQL endpoint (configuration section <c>GraphQL</c>).</summary>
internal sealed class GraphQLOptions
{
    public const string Section = "GraphQL";

    /// <summary>Deepest selection nesting accepted for ordinary operations.</summary>
    [Range(2, 64)]
    public int MaxDepth { get; set; } = 12;

    /// <summary>
    /// Deepest nesting accepted for operations that select only introspection fields. The standard
    /// introspection query of graphql-js (and of the explorer) is 13 levels deep.
    /// </summary>
    [Range(13, 64)]
    public int IntrospectionMaxDepth { get; set; } = 20;

    /// <summary>
    /// Most field selections an introspection-only operation may make, counting a fragment each time it
    /// is spread (the standard introspection query makes about 180). It bounds aliased copies of <c>__schema</c>.
    /// </summary>
    [Range(100, 10_000)]
    public int IntrospectionMaxFields { get; set; } = 500;

    /// <summary>Highest complexity score (GraphQL.NET's analyzer: fields weighted by list sizes).</summary>
    [Range(10, 1_000_000)]
    public int MaxComplexity { get; set; } = 5_000;

    /// <summary>
    /// Most selections an operation may make with its fragments expanded (a fragment counts each time it is spread),
    /// checked before validation. It stops documents whose fragments each spread the previous one twice.
    /// </summary>
    [Range(100, 1_000_000)]
    public int MaxExpandedSelections { get; set; } = 2_000;

    /// <summary>Time an operation may run before it is cancelled with <c>EXECUTION_TIMEOUT</c>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan ExecutionTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Largest request body accepted, in bytes; larger requests get 413.</summary>
    [Range(1_024, 16 * 1024 * 1024)]
    public int MaxRequestBytes { get; set; } = 64 * 1024;

    /// <summary>Expose exception messages and stack traces in errors. Defaults to on only in Development.</summary>
    public bool? ExposeExceptionDetails { get; set; }

    /// <summary>
    /// Answer <c>__schema</c> and <c>__type</c>. Defaults to on only in Development: clients ship with the committed
    /// <c>schema.graphql</c>, and elsewhere a map of every field only helps an attacker (OWASP GraphQL cheat sheet).
    /// Turned off, such a query gets <c>INTROSPECTION_DISABLED</c>; <c>__typename</c> always works. The explorer needs it on.
    /// </summary>
    public bool? IntrospectionEnabled { get; set; }

    /// <summary>
    /// Web origins (<c>https://app.example.com</c>) whose pages may call <c>/graphql</c>: CORS for HTTP, and the
    /// <c>Origin</c> check of WebSocket handshakes. Empty: in Development any loopback origin over HTTP and any origin
    /// over WebSocket; elsewhere none. Requests without an <c>Origin</c> header (mobile apps, servers) are not affected.
    /// </summary>
    public string[] AllowedOrigins { get; set; } = [];
}
