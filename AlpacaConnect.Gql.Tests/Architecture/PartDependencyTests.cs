namespace AlpacaConnect.Gql.Tests.Architecture;

/// <summary>The boundaries between the server's parts that must never be crossed (docs/architecture.md).</summary>
public sealed class PartDependencyTests
{
    public static TheoryData<string> AllParts => [.. Parts.Allowed.Keys];

    [Fact]
    public void GuardrailsArePureNeitherCallingAlpacaNorTouchingTheDatabase()
    {
        // The environment is a value the checks read; the clients, their HTTP, wire and stream types are I/O.
        var io = new[]
        {
            "AlpacaConnect.Gql.Alpaca.Clients", "AlpacaConnect.Gql.Alpaca.Http", "AlpacaConnect.Gql.Alpaca.Streaming",
            "AlpacaConnect.Gql.Alpaca.Wire", "AlpacaConnect.Gql.Alpaca.IAlpaca", "Refit", "System.Net.Http",
            "AlpacaConnect.Gql.Persistence", "Microsoft.EntityFrameworkCore",
        };

        Assert.Empty(Parts.Offenders("Guardrails", io));
    }

    [Fact]
    public void TheAlpacaBoundaryUsesNoFeature()
    {
        Assert.Empty(Parts.Offenders("Alpaca", Parts.Namespaces(Parts.AllBut("Alpaca"))));
    }

    [Fact]
    public void TheAlpacaBoundaryGraphQLObservabilityAndIdentityFormNoCycle()
    {
        // The boundary reports Alpaca's facts; GraphQL/Errors/UpstreamErrorCodes decides the API's codes.
        Assert.Empty(Parts.Offenders("Alpaca", Parts.Namespaces(["GraphQL", "Observability", "Identity"])));
        Assert.Empty(Parts.Offenders("Identity", Parts.Namespaces(["GraphQL", "Observability", "Alpaca"])));
        Assert.Empty(Parts.Offenders("Observability", Parts.Namespaces(["GraphQL"])));
    }

    [Fact]
    public void ConnectionsAndStreamingFormNoCycleAndTheEventBusUsesNoFeature()
    {
        Assert.Empty(Parts.Offenders("Connections", Parts.Namespaces(["Streaming", "Orders"])));
        Assert.Empty(Parts.Offenders("Events", Parts.Namespaces(Parts.AllBut("Events"))));
    }

    [Theory]
    [MemberData(nameof(AllParts))]
    public void EachPartUsesOnlyThePartsTheDiagramAllows(string part)
    {
        var forbidden = Parts.AllBut([part, .. Parts.Allowed[part]]);
        Assert.Empty(Parts.Offenders(part, Parts.Namespaces(forbidden)));
    }

    [Fact]
    public void TheAllowedDependenciesFormNoCycle()
    {
        var done = new HashSet<string>();
        var path = new List<string>();

        void Visit(string part)
        {
            Assert.False(path.Contains(part), $"Cycle: {string.Join(" → ", path.SkipWhile(p => p != part).Append(part))}");
            if (!done.Add(part))
            {
                return;
            }

            path.Add(part);
            foreach (var next in Parts.Allowed[part])
            {
                Visit(next);
            }

            path.RemoveAt(path.Count - 1);
        }

        foreach (var part in Parts.Allowed.Keys)
        {
            Visit(part);
        }
    }

    [Fact]
    public void EveryTopLevelNamespaceIsAPartOfTheDiagram()
    {
        var parts = Parts.Server.GetTypes()
            .Select(t => t.Namespace)
            .Where(ns => ns is not null && ns.StartsWith(Parts.Root + ".", StringComparison.Ordinal))
            .Select(ns => ns!.Split('.')[2])
            .Distinct()
            .Where(p => p != "Sandbox");

        Assert.Empty(parts.Except(Parts.Allowed.Keys));
    }
}
