using System.Diagnostics;
using System.Globalization;

namespace AlpacaConnect.Gql.Alpaca.Http;

/// <summary>
/// Innermost handler, so each attempt is measured as sent: a span and the request metrics by route template (from Refit,
/// never the filled path, which holds order ids and symbols), and the account's remaining rate-limit budget.
/// </summary>
internal sealed class UpstreamTelemetryHandler(IUpstreamMetrics metrics, TimeProvider time, string api) : DelegatingHandler
{
    private static readonly HttpRequestOptionsKey<string> RouteTemplate = new(Refit.HttpRequestMessageOptions.RelativePathTemplate);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var method = request.Method.Method;
        var route = Route(request);
        using var activity = UpstreamActivities.Source.StartActivity($"{method} {route}", ActivityKind.Client);
        activity?.SetTag("http.request.method", method);
        activity?.SetTag("url.template", route);
        activity?.SetTag("alpaca.api", api);
        activity?.SetTag("server.address", request.RequestUri?.Host);
        var started = time.GetTimestamp();
        try
        {
            var response = await base.SendAsync(request, cancellationToken);
            var status = (int)response.StatusCode;
            activity?.SetTag("http.response.status_code", status);
            if (status >= 400)
            {
                activity?.SetStatus(ActivityStatusCode.Error);
                activity?.SetTag("error.type", status.ToString(CultureInfo.InvariantCulture));
            }

            metrics.UpstreamRequest(api, method, route, status, time.GetElapsedTime(started));
            RecordHeadroom(request, response);
            return response;
        }
        catch (Exception e)
        {
            activity?.SetStatus(ActivityStatusCode.Error);
            activity?.SetTag("error.type", e.GetType().Name);
            metrics.UpstreamRequest(api, method, route, null, time.GetElapsedTime(started));
            throw;
        }
    }

    /// <summary>The template; for a client whose base address is the endpoint itself (OAuth), the configured path.</summary>
    private static string Route(HttpRequestMessage request) =>
        request.Options.TryGetValue(RouteTemplate, out var template)
            ? template.Length > 0 ? template : request.RequestUri?.AbsolutePath ?? "/"
            : "(unknown)";

    private void RecordHeadroom(HttpRequestMessage request, HttpResponseMessage response)
    {
        if (response.Headers.TryGetValues("X-Ratelimit-Remaining", out var values)
            && int.TryParse(values.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var remaining)
            && request.Options.TryGetValue(new HttpRequestOptionsKey<Guid>(AlpacaRequestOptions.ConnectionIdKey), out var connectionId))
        {
            var resetsAt = RateLimitHeaders.RetryAfter(response, time.GetUtcNow()) is { } wait ? time.GetUtcNow() + wait : (DateTimeOffset?)null;
            metrics.RateLimitRemaining(api, connectionId, remaining, resetsAt);
        }
    }
}
