using System.Text.RegularExpressions;
using AlpacaConnect.Bench.Clients;

namespace AlpacaConnect.Bench.Scenarios.Placement;

/// <summary>
/// The sandbox users <see cref="PlacementSettings.GeneratedUsers"/> seeds (<c>user-0001</c>, <c>user-0002</c>, …, each
/// with a paper and a live account), each linked through the connect flow to an app user of its own, with a sandbox
/// token of its own for the direct calls.
/// </summary>
public static class GeneratedUsers
{
    /// <summary>Links run a few at a time: quicker than one by one, without a burst that would slow the server's start.</summary>
    private const int LinksAtOnce = 4;

    public static string Id(int number) => $"user-{number:0000}";

    public static async Task<IReadOnlyList<(GraphQLClient App, string SandboxToken)>> LinkAsync(SandboxServer server, int count)
    {
        var linked = new (GraphQLClient App, string SandboxToken)[count];
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = LinksAtOnce }, async (i, _) =>
        {
            var user = Id(i + 1);
            try
            {
                linked[i] = await server.LinkAsync("bench-" + user, user);
            }
            catch (Exception e) when (e is InvalidOperationException or HttpRequestException)
            {
                throw new InvalidOperationException(
                    $"sandbox user {user} could not be connected, so {count} users cannot be measured. This scenario needs a server " +
                    $"whose sandbox seeds {Id(1)} to {Id(count)} from {PlacementSettings.GeneratedUsers} (the bench sets it to {count}); " +
                    $"a server without that setting knows only alice, bob and carol. The connect flow said: {Said(e.Message)}",
                    e);
            }
        });
        return linked;
    }

    /// <summary>The consent page's own words when it refused (it answers a whole HTML page), else the message as it is.</summary>
    private static string Said(string message) =>
        Regex.Match(message, "id=\"error\">([^<]*)<") is { Success: true } refusal ? $"the consent page refused with \"{refusal.Groups[1].Value}\"" : message;
}
