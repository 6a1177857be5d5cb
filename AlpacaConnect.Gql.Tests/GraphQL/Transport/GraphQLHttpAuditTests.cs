using AlpacaConnect.Gql.Tests.TestHost;
using Xunit.Abstractions;

namespace AlpacaConnect.Gql.Tests.GraphQL.Transport;

/// <summary>The third-party graphql-http audit suite (npm, 1.23.1) against the real server on loopback.</summary>
public sealed class GraphQLHttpAuditTests(ITestOutputHelper output) : IDisposable
{
    private readonly ApiFactory _factory = new();

    [Fact]
    public async Task TheGraphQLHttpAuditSuitePassesWithNoWarnings()
    {
        var address = _factory.StartOnLoopback();

        var outcome = await NodeScript.RunAsync("graphql-http-audit.mjs", [new Uri(address, "/graphql").ToString()]);

        output.WriteLine(outcome.StdOut);
        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        var summary = outcome.StdOut.Split('\n').Single(l => l.StartsWith("SUMMARY ", StringComparison.Ordinal));
        Assert.Contains(" warn=0 error=0", summary, StringComparison.Ordinal);
        Assert.DoesNotContain(" ok=0 ", summary, StringComparison.Ordinal);
    }

    public void Dispose() => _factory.Dispose();
}
