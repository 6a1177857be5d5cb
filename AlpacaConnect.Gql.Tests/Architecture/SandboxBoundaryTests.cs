using System.Reflection;
using AlpacaConnect.Gql.Hosting;
using AlpacaConnect.Sandbox;
using NetArchTest.Rules;

namespace AlpacaConnect.Gql.Tests.Architecture;

/// <summary>
/// The simulator is a project of its own, known to the server only at its composition root, and the two sides never
/// share the JSON they exchange: a wrong field must not be able to hide on both sides (decision 0021).
/// </summary>
public sealed class SandboxBoundaryTests
{
    private const string SimulatorNamespace = "AlpacaConnect.Sandbox";
    private const string ServerNamespace = "AlpacaConnect.Gql";
    private static readonly Assembly Server = typeof(Program).Assembly;
    private static readonly Assembly Simulator = typeof(SandboxOptions).Assembly;

    [Fact]
    public void TheProductionAssemblyHoldsNoSimulatorType()
    {
        var simulatorTypes = Types.InAssembly(Server)
            .That().ResideInNamespace(SimulatorNamespace).Or().ResideInNamespace($"{ServerNamespace}.Sandbox")
            .GetTypes();
        Assert.Empty(simulatorTypes.Select(t => t.FullName));
        Assert.Empty(Server.GetTypes().Where(t => t.Name.StartsWith("Sandbox", StringComparison.Ordinal) && !IsCompositionRoot(t)).Select(t => t.FullName));
    }

    [Fact]
    public void OnlyTheCompositionRootReferencesTheSimulator()
    {
        var referencing = Types.InAssembly(Server).ShouldNot().HaveDependencyOn(SimulatorNamespace).GetResult().FailingTypes ?? [];
        Assert.Empty(referencing.Where(t => !IsCompositionRoot(t)).Select(t => t.FullName));
        // The rule sees references at all: the composition root is the one type that must have some.
        Assert.Contains(typeof(EmbeddedSandbox), referencing);
    }

    [Fact]
    public void TheSimulatorDoesNotUseTheServersAlpacaWireTypes()
    {
        var result = Types.InAssembly(Simulator).ShouldNot().HaveDependencyOnAny($"{ServerNamespace}.Alpaca", ServerNamespace).GetResult();
        Assert.Empty(result.FailingTypeNames ?? []);
    }

    [Fact]
    public void TheServerDoesNotUseTheSimulatorsWireTypes()
    {
        var result = Types.InAssembly(Server).ShouldNot().HaveDependencyOn($"{SimulatorNamespace}.Wire").GetResult();
        Assert.Empty(result.FailingTypeNames ?? []);
    }

    [Fact]
    public void NoSimulatorTypeIsNamedLikeOneOfTheServersAlpacaTypes()
    {
        static HashSet<string> Names(IEnumerable<Type> types) =>
            types.Where(t => !t.IsNested && !t.Name.StartsWith('<')).Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        var server = Names(Types.InAssembly(Server).That().ResideInNamespace(ServerNamespace).GetTypes());
        var simulator = Names(Simulator.GetTypes().Where(t => t.Name != "Program"));
        Assert.Empty(simulator.Intersect(server));
    }

    /// <summary><c>Hosting/EmbeddedSandbox.cs</c> (with its nested and compiler-generated types) and <c>Program.cs</c>.</summary>
    private static bool IsCompositionRoot(Type type)
    {
        for (var t = type; t is not null; t = t.DeclaringType)
        {
            if (t == typeof(EmbeddedSandbox) || t == typeof(Program))
            {
                return true;
            }
        }

        return false;
    }
}
