namespace AlpacaConnect.Gql.Tests.EdgeFuzz;

/// <summary>
/// Tests whose assertion includes a wall-clock bound an issue set: xUnit runs this collection after the parallel ones,
/// with nothing else running.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RunsAlone
{
    public const string Name = "Runs alone";
}
