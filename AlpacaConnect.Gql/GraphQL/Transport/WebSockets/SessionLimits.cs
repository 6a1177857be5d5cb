using System.Net;
using System.Security.Claims;
using AlpacaConnect.Gql.GraphQL.Limits;

namespace AlpacaConnect.Gql.GraphQL.Transport.WebSockets;

/// <summary>
/// The edge limits one socket is held to, gathered so the session asks one object: its slot among the instance's
/// sockets (taken at the handshake), an anonymous slot, the in-flight operation cap and the request rate limits
/// shared with HTTP. Disposing gives every slot back.
/// </summary>
internal sealed class SessionLimits(
    IDisposable socketLease,
    IPAddress? ip,
    SocketAdmission admission,
    RequestRateLimiter rates,
    TimeProvider time,
    GraphQLWebSocketOptions options)
    : IDisposable
{
    private static readonly TimeSpan MaxPause = TimeSpan.FromSeconds(1);
    private IDisposable? _anonymousLease;

    public OperationSlots Operations { get; } = new(options.MaxInFlightOperationsPerSocket);

    /// <summary>False when the anonymous socket cap is reached; a signed-in socket is always admitted here.</summary>
    public bool TryAdmit(ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated == true)
        {
            return true;
        }

        _anonymousLease = admission.TryAdmitAnonymous();
        return _anonymousLease is not null;
    }

    /// <summary>
    /// False when the caller may start one more operation. Otherwise answers it with <c>RATE_LIMITED</c> and returns
    /// true after waiting until the caller's bucket refills (a second at most): meanwhile this socket is not read, so a client flooding it
    /// costs the server one answer per refill instead of one per message.
    /// </summary>
    public async Task<bool> RefuseOverRateAsync(
        string id, ClaimsPrincipal user, SocketProtocol protocol, OutboundQueue output, CancellationToken cancellationToken)
    {
        if (rates.TryAcquire(user, ip) is not { } retryAfter)
        {
            return false;
        }

        output.Send(protocol.Error(id, [RateLimitedErrors.Create(retryAfter)]));
        // At most a second, so a socket closing (or a long refill period) is never waited for long.
        await Task.Delay(retryAfter < MaxPause ? retryAfter : MaxPause, time, cancellationToken);
        return true;
    }

    public void Dispose()
    {
        _anonymousLease?.Dispose();
        socketLease.Dispose();
    }
}
