using System.Net;
using System.Security.Claims;
using AlpacaConnect.Gql.GraphQL.Errors;
using AlpacaConnect.Gql.GraphQL.Limits;

namespace AlpacaConnect.Gql.GraphQL.Transport.WebSockets;

/// <summary>
/// The edge limits one socket is held to, gathered so the session asks one object: its slot among the instance's
/// sockets (taken at the handshake), an anonymous slot, the in-flight operation cap and the request rate limits
/// shared with HTTP. Disposing gives every slot back.
/// </summary>
internal sealed class SessionLimits(
    IDisposable socketLease, IPAddress? ip, SocketAdmission admission, RequestRateLimiter rates, GraphQLWebSocketOptions options)
    : IDisposable
{
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

    /// <summary>Null when the caller may start one more operation; otherwise the <c>RATE_LIMITED</c> error to answer it with.</summary>
    public ApiException? TryStartOperation(ClaimsPrincipal user) => rates.TryAcquire(user, ip) is { } retryAfter
        ? RateLimitedErrors.Create(retryAfter)
        : null;

    public void Dispose()
    {
        _anonymousLease?.Dispose();
        socketLease.Dispose();
    }
}
