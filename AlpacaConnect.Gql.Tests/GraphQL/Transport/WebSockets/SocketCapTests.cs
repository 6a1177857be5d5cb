using System.Net;
using AlpacaConnect.Gql.Tests.TestHost;

namespace AlpacaConnect.Gql.Tests.GraphQL.Transport.WebSockets;

/// <summary>Socket caps over real loopback TCP, each address a different 127.0.0.x.</summary>
public sealed class SocketCapTests : IDisposable
{
    private readonly ApiFactory _factory = new ProbeApiFactory();

    [Fact]
    public async Task AnAddressAtItsSocketCapIsRefusedWith429WhileAnotherAddressConnects()
    {
        var server = With("MaxSocketsPerIp", "2").StartOnLoopback();
        using var abusive = new SourceAddress("127.0.0.6");
        using var other = new SourceAddress("127.0.0.7");
        await using var first = await abusive.ConnectAsync(server);
        await using var second = await abusive.ConnectAsync(server);

        Assert.Equal(HttpStatusCode.TooManyRequests, await abusive.RefusedHandshakeAsync(server));

        await using var neighbour = await other.ConnectAsync(server);
        await neighbour.InitAsync(_factory.TokenFor("bob"));
        await neighbour.SubscribeAsync("q", "{ __typename }");
        await neighbour.ExpectAsync("next", "q");
    }

    [Fact]
    public async Task AServerAtItsSocketCapRefusesWith503AndKeepsServingItsSockets()
    {
        var server = With("MaxSockets", "2").StartOnLoopback();
        using var address = new SourceAddress("127.0.0.8");
        await using var wellBehaved = await address.ConnectAsync(server);
        await wellBehaved.InitAsync(_factory.TokenFor("bob"));
        await using var abusive = await address.ConnectAsync(server);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, await address.RefusedHandshakeAsync(server));

        await wellBehaved.SubscribeAsync("q", "{ __typename }");
        await wellBehaved.ExpectAsync("next", "q");

        // A closed socket gives its slot back.
        await abusive.DisposeAsync();
        await Eventually.HoldsAsync(async () =>
        {
            try
            {
                await using var again = await address.ConnectAsync(server);
                return true;
            }
            catch (System.Net.WebSockets.WebSocketException)
            {
                return false;
            }
        }, () => "a slot was given back");
    }

    [Fact]
    public async Task AnonymousSocketsPastTheirCapAreClosedWith1013WhileSignedInSocketsAreServed()
    {
        var server = With("MaxAnonymousSockets", "1").StartOnLoopback();
        using var address = new SourceAddress("127.0.0.9");
        await using var anonymous = await address.ConnectAsync(server);
        await anonymous.InitAsync();
        await using var oneTooMany = await address.ConnectAsync(server);
        await oneTooMany.SendAsync(new { type = "connection_init" });

        Assert.Equal((1013, "Try again later: too many anonymous connections"), await oneTooMany.ExpectCloseAsync());

        // The admitted anonymous socket runs only what anonymous HTTP may.
        await anonymous.SubscribeAsync("p", "{ positions { symbol } }");
        var answer = await anonymous.ReceiveAsync();
        using var http = address.HttpClient(server);
        var overHttp = await http.PostGraphQLAsync("{ positions { symbol } }");
        Assert.Equal(overHttp.ErrorCodes.Single(), ErrorCodeOf(answer));

        await using var signedIn = await address.ConnectAsync(server);
        await signedIn.InitAsync(_factory.TokenFor("bob"));
        await signedIn.SubscribeAsync("q", "{ __typename }");
        await signedIn.ExpectAsync("next", "q");
    }

    private static string? ErrorCodeOf(System.Text.Json.JsonElement message)
    {
        var payload = message.GetProperty("payload");
        var errors = payload.ValueKind == System.Text.Json.JsonValueKind.Array ? payload : payload.GetProperty("errors");
        return errors[0].GetProperty("extensions").GetProperty("code").GetString();
    }

    private ApiFactory With(string setting, string value) => _factory.WithSetting($"GraphQL:WebSockets:{setting}", value);

    public void Dispose() => _factory.Dispose();
}
