using System.Net;
using System.Text.RegularExpressions;
using AlpacaConnect.Gql.Tests.TestHost;
using Microsoft.Extensions.Hosting;

namespace AlpacaConnect.Gql.Tests.Hosting;

/// <summary><c>/</c>, the README's first link: a page of links in Development, each of which answers; nothing elsewhere.</summary>
public sealed partial class DevHomePageTests
{
    [Fact]
    public async Task InDevelopmentTheRootLinksTheExplorerHealthMetricsAndTheSimulatorAndEachLinkAnswers()
    {
        using var factory = new ApiFactory();
        using var client = factory.CreateClient();

        var response = await client.GetAsync(new Uri("/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("Try it in five minutes", page, StringComparison.Ordinal);
        var links = Links(page);
        Assert.Equal(["/graphql/ui/", "/health/live", "/health/ready", "/metrics", "/sandbox/control/requests"], links);
        foreach (var link in links)
        {
            var answer = await client.GetAsync(new Uri(link, UriKind.Relative));
            Assert.True(answer.StatusCode == HttpStatusCode.OK, $"{link} answered {(int)answer.StatusCode}");
        }
    }

    [Fact]
    public async Task ALinkIsLeftOutWhenItsFeatureIsOff()
    {
        using var factory = new ApiFactory()
            .WithSetting("GraphQL:Explorer:Enabled", "false")
            .WithSetting("Observability:Metrics:Enabled", "false");
        using var client = factory.CreateClient();

        var links = Links(await client.GetStringAsync(new Uri("/", UriKind.Relative)));

        Assert.Equal(["/health/live", "/health/ready", "/sandbox/control/requests"], links);
    }

    [Fact]
    public async Task OutsideDevelopmentTheRootIsNotFound()
    {
        using var factory = new ApiFactory { EnvironmentName = Environments.Production };
        using var client = factory.CreateClient();

        var response = await client.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static List<string> Links(string page)
    {
        var list = ListPattern().Match(page);
        Assert.True(list.Success, page);
        return [.. HrefPattern().Matches(list.Groups[1].Value).Select(m => m.Groups[1].Value)];
    }

    [GeneratedRegex("<ul id=\"links\">(.*?)</ul>", RegexOptions.Singleline)]
    private static partial Regex ListPattern();

    [GeneratedRegex("href=\"([^\"]+)\"")]
    private static partial Regex HrefPattern();
}
