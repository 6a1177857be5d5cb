using System.Net;
using System.Text;
using AlpacaConnect.Gql.Tests.Connections;
using AlpacaConnect.Gql.Tests.Sandbox;

namespace AlpacaConnect.Gql.Tests.Observability.Alerts;

/// <summary>
/// A real Prometheus scrapes the real server while the simulator's token endpoint fails every OAuth flow: the
/// completion alert fires, and resolves once flows succeed again. Nothing is timed; each wait has a hang guard.
/// </summary>
public sealed class OAuthCompletionAlertTests
{
    private const string Alert = "OAuthCompletionLow";
    private static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task TheCompletionAlertFiresWhileFlowsFailAndResolvesWhenTheySucceedAgain()
    {
        using var host = new SandboxHost();
        host.WithSetting("Connections:AllowedReturnTo:0", ConnectDriver.ReturnTo);
        await using var prometheus = new PrometheusServer(host.BaseUri);
        using var connect = new ConnectDriver(host);
        using var control = host.Http();
        var flows = 0; // each flow by a user of its own: failed flows stay pending, and a user may have only 10 pending
        using var fault = await control.PostAsync(new Uri("/sandbox/control/faults", UriKind.Relative), new StringContent(
            """{"route":"POST /oauth/token","kind":"ServerError","count":null}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.NoContent, fault.StatusCode);

        await RepeatUntilAsync(async () =>
        {
            var (_, location, _) = await connect.CallbackAsync(await connect.DecideAsync(await connect.StartAsync($"app-failing-{++flows}")));
            Assert.NotEqual("", ConnectDriver.QueryValue(location!, "error"));
        }, async () => await prometheus.AlertStateAsync(Alert) == "firing");

        using var cleared = await control.DeleteAsync(new Uri("/sandbox/control/faults", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NoContent, cleared.StatusCode);

        await RepeatUntilAsync(async () =>
        {
            var user = $"app-succeeding-{++flows}";
            var completed = await connect.ConnectAsync(user);
            Assert.Equal("CONNECTED", completed.Data.GetProperty("completeAlpacaConnection").GetProperty("connection").Str("status"));
            // Disconnected again, so the next flow can link the same account anew.
            var disconnected = await connect.GraphQLAsync(user, "mutation { disconnectAlpaca { errors { ... on Error { code } } } }");
            Assert.Equal(0, disconnected.Data.GetProperty("disconnectAlpaca").GetProperty("errors").GetArrayLength());
        }, async () => await prometheus.AlertStateAsync(Alert) is null);
    }

    /// <summary>Runs <paramref name="flow"/> again and again until <paramref name="done"/> holds; fails only on a hang.</summary>
    private static async Task RepeatUntilAsync(Func<Task> flow, Func<Task<bool>> done)
    {
        using var guard = new CancellationTokenSource(HangGuard);
        while (!await done())
        {
            Assert.False(guard.IsCancellationRequested, $"{Alert} did not change state within the hang guard");
            await flow();
            await Task.Delay(100);
        }
    }
}
