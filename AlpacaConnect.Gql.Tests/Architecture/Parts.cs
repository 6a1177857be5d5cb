using System.Reflection;
using NetArchTest.Rules;

namespace AlpacaConnect.Gql.Tests.Architecture;

/// <summary>
/// The server's parts (top-level folders, one namespace each) and the dependencies docs/architecture.md draws between
/// them. Sandbox is left out: the rules between the server and the simulator are the simulator project's own.
/// </summary>
internal static class Parts
{
    public const string Root = "AlpacaConnect.Gql";

    /// <summary>Each part and the parts it may use. Anything else it uses is a new arrow: draw it first, then add it here.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Allowed = new Dictionary<string, string[]>
    {
        ["Alpaca"] = [],
        ["Events"] = [],
        ["Audit"] = [],
        ["Identity"] = [],
        ["Persistence"] = [],
        ["Observability"] = ["Alpaca", "Identity", "Persistence"],
        ["GraphQL"] = ["Alpaca", "Identity", "Observability"],
        ["Viewer"] = ["GraphQL", "Identity"],
        ["Connections"] = ["Alpaca", "Events", "GraphQL", "Identity", "Observability", "Persistence", "Rollout"],
        ["Streaming"] = ["Alpaca", "Connections", "Events", "Observability", "Persistence"],
        ["Trading"] = ["Alpaca", "Connections", "Events", "GraphQL", "Identity"],
        ["Guardrails"] = ["Alpaca", "GraphQL", "Trading"],
        ["Account"] = ["Alpaca", "Connections", "GraphQL", "Trading"],
        ["Positions"] = ["Alpaca", "Connections", "GraphQL", "Trading"],
        ["Market"] = ["Alpaca", "GraphQL", "Trading"],
        ["Portfolio"] = ["Alpaca", "GraphQL", "Trading"],
        ["Activities"] = ["Alpaca", "GraphQL", "Trading"],
        ["Watchlists"] = ["Alpaca", "Connections", "GraphQL", "Trading"],
        // The process's composition concerns, the embedded simulator's mount among them (decision 0021).
        ["Hosting"] = ["Alpaca", "Connections", "Observability"],
        ["Rollout"] = ["GraphQL"],
        ["Halts"] = ["Audit", "GraphQL", "Persistence"],
        ["Orders"] = ["Alpaca", "Connections", "Events", "GraphQL", "Guardrails", "Identity", "Observability", "Persistence", "Streaming", "Trading", "Rollout", "Halts"],
        // Fed by the order and connection events it is enlisted in (the hooks are theirs), sends on its own.
        ["Notifications"] = ["Connections", "Events", "GraphQL", "Identity", "Observability", "Orders", "Persistence", "Trading"],
        ["Operators"] = ["Alpaca", "Audit", "Connections", "GraphQL", "Halts", "Identity", "Notifications", "Orders", "Persistence", "Rollout", "Trading"],
    };

    /// <summary>The parts that are features or layers above the Alpaca boundary: everything but Alpaca itself.</summary>
    public static IEnumerable<string> AllBut(params string[] parts) => Allowed.Keys.Except(parts);

    public static string Namespace(string part) => $"{Root}.{part}";

    public static Assembly Server => typeof(Program).Assembly;

    /// <summary>The types of <paramref name="part"/> that use any of <paramref name="forbidden"/> (namespaces or types).</summary>
    public static IReadOnlyList<string> Offenders(string part, IEnumerable<string> forbidden)
    {
        var result = Types.InAssembly(Server).That().ResideInNamespace(Namespace(part))
            .ShouldNot().HaveDependencyOnAny([.. forbidden])
            .GetResult();
        return result.IsSuccessful ? [] : [.. result.FailingTypeNames ?? []];
    }

    public static IEnumerable<string> Namespaces(IEnumerable<string> parts) => parts.Select(Namespace);
}
