using System.Text.RegularExpressions;
using AlpacaConnect.Gql.Tests.TestHost;

namespace AlpacaConnect.Gql.Tests.Docs;

/// <summary>
/// docs/clients.md quotes each client's setup from the Interop script a test runs: the lines between
/// <c>// snippet:start name</c> and <c>// snippet:end name</c> appear in the page as a <c>```js</c> block right after
/// <c>&lt;!-- snippet: name --&gt;</c>. A marker without a block is a placeholder for a client not scripted yet.
/// </summary>
public sealed partial class ClientSnippetsTests
{
    private static readonly string Page = RepositoryRoot.Combine("docs", "clients.md");

    [Fact]
    public void EveryTestedClientSetupIsQuotedInTheDocsExactly()
    {
        var tested = TestedSnippets();
        var quoted = QuotedSnippets(Read(Page));

        Assert.NotEmpty(tested);
        foreach (var (name, code) in tested)
        {
            Assert.True(quoted.TryGetValue(name, out var quote), $"docs/clients.md does not quote the snippet '{name}' (add <!-- snippet: {name} --> and a ```js block)");
            Assert.True(quote == code, $"docs/clients.md's '{name}' differs from the tested script; paste its lines between the markers:\n{code}");
        }
    }

    [Fact]
    public void EveryQuoteInTheDocsComesFromATestedScript()
    {
        var tested = TestedSnippets();

        foreach (var name in QuotedSnippets(Read(Page)).Keys)
        {
            Assert.True(tested.ContainsKey(name), $"docs/clients.md quotes a snippet '{name}' that no Interop script marks");
        }
    }

    /// <summary>Each marked snippet of the Interop scripts; a name used twice fails.</summary>
    private static Dictionary<string, string> TestedSnippets()
    {
        var snippets = new Dictionary<string, string>();
        foreach (var file in Directory.EnumerateFiles(RepositoryRoot.Combine("AlpacaConnect.Gql.Tests", "Interop"), "*.mjs"))
        {
            foreach (Match match in ScriptSnippet().Matches(Read(file)))
            {
                Assert.True(snippets.TryAdd(match.Groups["name"].Value, match.Groups["code"].Value.TrimEnd('\n')),
                    $"snippet '{match.Groups["name"].Value}' is marked twice (again in {Path.GetFileName(file)})");
            }
        }

        return snippets;
    }

    /// <summary>The code block after each marker of the page that has one.</summary>
    private static Dictionary<string, string> QuotedSnippets(string page)
    {
        var quotes = new Dictionary<string, string>();
        foreach (Match match in DocMarker().Matches(page))
        {
            if (match.Groups["code"].Success)
            {
                Assert.True(quotes.TryAdd(match.Groups["name"].Value, match.Groups["code"].Value.TrimEnd('\n')),
                    $"docs/clients.md quotes snippet '{match.Groups["name"].Value}' twice");
            }
        }

        return quotes;
    }

    private static string Read(string path) => File.ReadAllText(path).ReplaceLineEndings("\n");

    [GeneratedRegex(@"^// snippet:start (?<name>\S+)\n(?<code>.*?)^// snippet:end \k<name>$", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex ScriptSnippet();

    [GeneratedRegex(@"^<!-- snippet: (?<name>\S+) -->\n(?:\n*```js\n(?<code>.*?)^```$)?", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex DocMarker();
}
