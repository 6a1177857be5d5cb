using System.Net;
using System.Net.Http.Json;
using AlpacaConnect.Gql.Operators;
using AlpacaConnect.Gql.Tests.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AlpacaConnect.Gql.Tests.Operators;

/// <summary>
/// The operator API is a door of its own: app users' tokens do not open it, operators' tokens open nothing else, and
/// outside Development it stays closed until it has an audience and a key of its own (decision 0016).
/// </summary>
public sealed class OperatorAccessTests
{
    private const string OperatorKey = "operator-signing-key-for-tests-only-0123456789abcdef";

    private static Uri Halts => new($"/operator/halts?reason={Uri.EscapeDataString(OperatorApi.Reason)}", UriKind.Relative);

    private static string OperatorToken(ApiFactory app) => app.Services.GetRequiredService<OperatorTokens>().Issue("op-ann").AccessToken;

    [Fact]
    public async Task AnAppUsersTokenCannotReachTheOperatorApiAndAnOperatorsCan()
    {
        using var app = new ApiFactory();
        using var anonymous = app.CreateClient();
        using var user = app.CreateClientFor("app-alice");
        using var op = OperatorApi.WithToken(app.CreateClient(), OperatorToken(app));

        using var none = await anonymous.GetAsync(Halts);
        using var asUser = await user.GetAsync(Halts);
        using var asUserAction = await user.PostAsJsonAsync(new Uri("/operator/halts", UriKind.Relative), new { scope = "ALL", reason = OperatorApi.Reason });
        using var asOperator = await op.GetAsync(Halts);

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, asUser.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, asUserAction.StatusCode);
        Assert.Equal(HttpStatusCode.OK, asOperator.StatusCode);
        using var audit = new OperatorApi(app, app.CreateClient);
        Assert.Equal(["halt.list"], (await audit.AuditAsync()).Select(e => e.Action));
    }

    [Fact]
    public async Task AnOperatorsTokenCannotActAsAnAppUser()
    {
        using var app = new ApiFactory();
        using var op = OperatorApi.WithToken(app.CreateClient(), OperatorToken(app));

        var response = await op.PostGraphQLAsync("{ alpacaConnection { status } }");

        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
    }

    [Fact]
    public async Task AnActionWithoutAReasonOrWithAnUnknownScopeIsRefusedAndChangesNothing()
    {
        using var app = new ApiFactory();
        using var api = new OperatorApi(app, app.CreateClient);

        using var noReason = await api.PostAsync("/operator/halts", new { scope = "ALL" });
        using var badScope = await api.PostAsync("/operator/halts", new { scope = "EVERYBODY", reason = OperatorApi.Reason });
        using var noTarget = await api.PostAsync("/operator/halts", new { scope = "USER", reason = OperatorApi.Reason });
        using var numeric = await api.PostAsync("/operator/halts", new { scope = "1", target = "x", reason = OperatorApi.Reason });
        using var notJson = await api.PostAsync("/operator/halts", "not an object");

        Assert.All([noReason, badScope, noTarget, numeric, notJson], r => Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode));
        Assert.Empty((await OperatorApi.OkJsonAsync(api.GetAsync(Halts.ToString()))).EnumerateArray());
    }

    [Fact]
    public async Task OutsideDevelopmentTheOperatorApiIsClosedUntilConfigured()
    {
        using var production = new ApiFactory { EnvironmentName = Environments.Production };
        using var client = production.CreateClient();

        using var response = await client.GetAsync(Halts);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public void OutsideDevelopmentAnOperatorAudienceWithoutAKeyOfItsOwnStopsTheServer()
    {
        using var production = new ApiFactory { EnvironmentName = Environments.Production }.WithSetting("Operator:Audience", "ops");

        var error = OptionsFailure.Of(() => production.CreateClient());

        Assert.Contains("Operator:SigningKey (or Jwt:Authority) must be set outside Development", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheAppUsersKeyOrAudienceCannotBeTheOperatorsToo()
    {
        using var sameKey = new ApiFactory().WithSetting("Operator:SigningKey", ApiFactory.TestSigningKey);
        using var sameAudience = new ApiFactory().WithSetting("Operator:Audience", "alpaca-connect");

        Assert.Contains("Operator:SigningKey must differ from Jwt:SigningKey", OptionsFailure.Of(() => sameKey.CreateClient()).Message, StringComparison.Ordinal);
        Assert.Contains("Operator:Audience must differ from Jwt:Audience", OptionsFailure.Of(() => sameAudience.CreateClient()).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OutsideDevelopmentOperatorsSignInWithTheirOwnKeyOnly()
    {
        using var production = new ApiFactory { EnvironmentName = Environments.Production }
            .WithSetting("Operator:Audience", "ops")
            .WithSetting("Operator:SigningKey", OperatorKey);
        using var op = OperatorApi.WithToken(production.CreateClient(), OperatorToken(production));
        using var user = production.CreateClientFor("app-alice");

        using var asOperator = await op.GetAsync(Halts);
        using var asUser = await user.GetAsync(Halts);

        Assert.Equal(HttpStatusCode.OK, asOperator.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, asUser.StatusCode);
    }
}
