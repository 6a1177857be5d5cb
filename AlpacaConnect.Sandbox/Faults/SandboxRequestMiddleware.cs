using AlpacaConnect.Sandbox.Control;
using AlpacaConnect.Sandbox.OAuth;
using AlpacaConnect.Sandbox.Trading;

namespace AlpacaConnect.Sandbox.Faults;

/// <summary>
/// Wraps every sandbox request except the control surface: applies an injected fault, then records the
/// request in the <see cref="RequestLog"/> with its route, status and token fingerprint.
/// </summary>
internal sealed class SandboxRequestMiddleware(RequestDelegate next, FaultInjector faults, RequestLog log, RateLimiter rateLimiter, TimeProvider time)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Path.StartsWithSegments("/control"))
        {
            await next(context);
            return;
        }

        var sequence = log.NextSequence();
        var arrived = time.GetUtcNow();
        var route = RouteKey(context);
        var environment = SandboxEnvironments.Of(context);
        var fault = faults.Decide(route, environment);
        var aborted = false;
        try
        {
            aborted = await ApplyAsync(context, fault);
        }
        finally
        {
            var token = BearerToken.From(context.Request);
            log.Add(new SandboxRequestRecord(
                sequence, time.GetUtcNow(), context.Request.Method, context.Request.PathBase + context.Request.Path, route,
                environment?.RouteName(), context.Response.StatusCode, token is null ? null : TokenFingerprint.Of(token), fault?.Kind.ToString(),
                aborted || context.RequestAborted.IsCancellationRequested, arrived));
        }
    }

    /// <summary>"METHOD /template" without the environment prefix, e.g. "POST /v2/orders".</summary>
    public static string RouteKey(HttpContext context)
    {
        var pattern = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText;
        var template = pattern is null ? "(unmatched)" : "/" + pattern.TrimStart('/');
        if (SandboxEnvironments.Of(context) is { } environment)
        {
            template = template[(environment.RouteName().Length + 1)..];
        }

        return $"{context.Request.Method} {template}";
    }

    private async Task<bool> ApplyAsync(HttpContext context, FaultRule? fault)
    {
        switch (fault?.Kind)
        {
            case FaultKind.Latency:
                await Task.Delay(fault.Latency, time, context.RequestAborted);
                await next(context);
                return false;
            case FaultKind.ServerError:
                context.Response.StatusCode = fault.Status ?? StatusCodes.Status503ServiceUnavailable;
                await context.Response.WriteAsJsonAsync(new { message = "internal server error" }, context.RequestAborted);
                return false;
            case FaultKind.RateLimited:
                rateLimiter.WriteExhausted(context.Response);
                context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                await context.Response.WriteAsJsonAsync(new { message = "rate limit exceeded" }, context.RequestAborted);
                return false;
            case FaultKind.DropConnection:
                context.Abort();
                return true;
            case FaultKind.LoseResponse:
                return await LoseResponseAsync(context, fault);
            default:
                await next(context);
                return false;
        }
    }

    /// <summary>The request takes effect (e.g. the order exists) but its answer never reaches the caller.</summary>
    private async Task<bool> LoseResponseAsync(HttpContext context, FaultRule fault)
    {
        var original = context.Response.Body;
        await using var swallowed = new MemoryStream();
        context.Response.Body = swallowed;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }

        if (fault.Status is not { } status)
        {
            context.Abort();
            return true;
        }

        context.Response.Clear();
        context.Response.StatusCode = status;
        await context.Response.WriteAsJsonAsync(new { message = "gateway timeout" }, context.RequestAborted);
        return false;
    }
}
