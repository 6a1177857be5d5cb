using System.Net;
using AlpacaConnect.Gql.Tests.Connections;
using AlpacaConnect.Gql.Tests.TestHost;

namespace AlpacaConnect.Gql.Tests.ScaleOut;

/// <summary>
/// The connect flow's state (OAuth state, pending connection, completion code) and the Data Protection key ring live
/// in the shared database, so each step may land on either instance.
/// </summary>
public sealed class ConnectAcrossInstancesTests : IDisposable
{
    private readonly TwoInstances _cluster = new();

    [ScaleOutTheory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task AFlowStartedOnOneInstanceCompletesThroughTheCallbackOnTheOther(int completingInstance)
    {
        var first = _cluster.Driver(1);
        var second = _cluster.Driver(2);
        var completing = _cluster.Driver(completingInstance);

        var callback = await first.DecideAsync(await first.StartAsync("app-alice"));
        var (status, location, _) = await second.CallbackAsync(_cluster.On(2, callback));
        Assert.Equal(HttpStatusCode.Redirect, status);
        var completed = await completing.CompleteAsync("app-alice", ConnectDriver.QueryValue(location!, "completionCode"));
        var account = await _cluster.Driver(3 - completingInstance).GraphQLAsync("app-alice", "{ account { accountNumber status } }");

        Assert.True(completed.ErrorCodes.Count == 0, completed.Raw);
        var payload = completed.Data.GetProperty("completeAlpacaConnection");
        Assert.Equal(0, payload.GetProperty("errors").GetArrayLength());
        Assert.Equal("CONNECTED", payload.GetProperty("connection").GetProperty("status").GetString());
        // The token the callback stored on instance 2 is decrypted and used on the other instance.
        Assert.True(account.ErrorCodes.Count == 0, account.Raw);
        Assert.Equal("PA3ALICE0001", account.Data.GetProperty("account").GetProperty("accountNumber").GetString());
        Assert.Contains(_cluster.Upstream.Control.Requests, r => r.Route == "POST /oauth/token" && r.Status == 200);
    }

    [ScaleOutFact]
    public async Task AStateIsConsumedOnceWhicheverInstanceSeesTheCallback()
    {
        var first = _cluster.Driver(1);
        var second = _cluster.Driver(2);
        var callback = await first.DecideAsync(await first.StartAsync("app-alice"));

        var (firstStatus, _, _) = await second.CallbackAsync(_cluster.On(2, callback));
        var (replayStatus, replayLocation, _) = await first.CallbackAsync(_cluster.On(1, callback));

        Assert.Equal(HttpStatusCode.Redirect, firstStatus);
        Assert.NotEqual(HttpStatusCode.Redirect, replayStatus);
        Assert.Null(replayLocation);
    }

    public void Dispose() => _cluster.Dispose();
}
