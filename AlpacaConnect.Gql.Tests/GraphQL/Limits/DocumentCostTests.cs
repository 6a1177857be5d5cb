using System.Net;
using System.Text;
using AlpacaConnect.Gql.Tests.TestHost;

namespace AlpacaConnect.Gql.Tests.GraphQL.Limits;

/// <summary>
/// Small documents that would cost the server a great deal (fragments that double at every level, nesting past the
/// parser's limit) are refused with a typed error, quickly, before anything executes.
/// </summary>
public sealed class DocumentCostTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    /// <summary>Generous: the refusal takes milliseconds; today's code would spend minutes expanding 2^levels copies.</summary>
    private static readonly TimeSpan SafetyTimeout = TimeSpan.FromSeconds(20);

    /// <summary><c>{ ...F{levels} }</c> where each fragment spreads the one below it twice.</summary>
    public static string DoublingFragments(int levels, string root = "Query", string leaf = "__typename", string select = "{ ...F{0} }")
    {
        var text = new StringBuilder(select.Replace("{0}", levels.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
        text.Append(System.Globalization.CultureInfo.InvariantCulture, $" fragment F0 on {root} {{ {leaf} }}");
        for (var i = 1; i <= levels; i++)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $" fragment F{i} on {root} {{ ...F{i - 1} ...F{i - 1} }}");
        }

        return text.ToString();
    }

    public static TheoryData<string> Bombs =>
    [
        DoublingFragments(40),
        DoublingFragments(40, root: "__Schema", leaf: "description", select: "{ __schema { ...F{0} } }"),
        DoublingFragments(40, root: "__Type", leaf: "name", select: "{ __type(name: \"Query\") { ...F{0} } }"),
    ];

    [Theory]
    [MemberData(nameof(Bombs))]
    public async Task FragmentsThatDoubleAtEveryLevelAreRefusedAsTooComplexBeforeExecution(string query)
    {
        using var client = factory.CreateClient();
        client.Timeout = SafetyTimeout;

        var response = await client.PostGraphQLAsync(query);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(["QUERY_TOO_COMPLEX"], response.ErrorCodes);
        Assert.False(response.HasData);
    }

    [Fact]
    public async Task FewFragmentSpreadsWithinTheBudgetStillRun()
    {
        using var client = factory.CreateClient();

        var response = await client.PostGraphQLAsync(DoublingFragments(5));

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("Query", response.Data.GetProperty("__typename").GetString());
    }

    public static TheoryData<string> TooDeep =>
    [
        "{ __typename " + new string('{', 0) + string.Concat(Enumerable.Repeat("a { ", 300)) + "b" + new string('}', 300) + " }",
        "{ __type(name: " + new string('[', 300) + "1" + new string(']', 300) + ") { name } }",
        "query($v: " + new string('[', 300) + "Int" + new string(']', 300) + ") { __typename }",
        "{ __type(name: " + string.Concat(Enumerable.Repeat("{a: ", 300)) + "1" + new string('}', 300) + ") { name } }",
    ];

    [Theory]
    [MemberData(nameof(TooDeep))]
    public async Task DocumentsNestedPastTheParsersLimitAreASyntaxErrorNotAServerError(string query)
    {
        using var client = factory.CreateClient();

        var response = await client.PostGraphQLAsync(query);

        Assert.True(response.Status == HttpStatusCode.BadRequest, response.Raw);
        Assert.Equal(["SYNTAX_ERROR"], response.ErrorCodes);
    }

    [Theory]
    [MemberData(nameof(TooDeep))]
    public async Task OnTheSocketToo(string query)
    {
        await using var socket = await GraphQLSocket.ConnectAsync(factory);
        await socket.InitAsync();

        await socket.SubscribeAsync("deep", query);

        var error = await socket.ExpectAsync("error", "deep");
        Assert.Equal("SYNTAX_ERROR", error.GetProperty("payload")[0].GetProperty("extensions").GetProperty("code").GetString());
    }
}
