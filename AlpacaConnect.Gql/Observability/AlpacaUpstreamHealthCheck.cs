using AlpacaConnect.Gql.Alpaca;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace AlpacaConnect.Gql.Observability;

/// <summary>
/// In Alpaca mode, ready only while Alpaca's Trading API hosts answer at all (any answer below 500, including the 401
/// an unauthenticated probe gets). The answer is reused for <see cref="HealthOptions.UpstreamCacheDuration"/> (an
/// unreachable one for the shorter <see cref="HealthOptions.UpstreamFailureCacheDuration"/>), so probes from a load
/// balancer never become load on Alpaca, and a passing error does not keep the server unready for long. An upstream
/// embedded in this process is the composition root's to report (it replaces this check under <see cref="Name"/>).
/// </summary>
internal sealed class AlpacaUpstreamHealthCheck(
    IOptions<AlpacaOptions> alpaca, IOptions<HealthOptions> options, IHttpClientFactory clients, TimeProvider time)
    : IHealthCheck, IDisposable
{
    /// <summary>Tests replace this client's primary handler to stand in for Alpaca.</summary>
    public const string HttpClientName = "Alpaca.Health";

    public const string Name = "alpaca";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private (HealthCheckResult Result, DateTimeOffset At)? _last;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (Fresh() is { } cached)
        {
            return cached;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (Fresh() is { } again)
            {
                return again;
            }

            var result = await ProbeAsync(cancellationToken);
            _last = (result, time.GetUtcNow());
            return result;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private HealthCheckResult? Fresh() =>
        _last is { } last && time.GetUtcNow() - last.At < ReuseFor(last.Result) ? last.Result : null;

    private TimeSpan ReuseFor(HealthCheckResult result) =>
        result.Status == HealthStatus.Healthy ? options.Value.UpstreamCacheDuration : options.Value.UpstreamFailureCacheDuration;

    private async Task<HealthCheckResult> ProbeAsync(CancellationToken cancellationToken)
    {
        var hosts = new List<Uri> { alpaca.Value.TradingPaperBaseUrl };
        if (alpaca.Value.AllowLive)
        {
            hosts.Add(alpaca.Value.TradingLiveBaseUrl);
        }

        var failures = (await Task.WhenAll(hosts.Select(host => ProbeAsync(host, cancellationToken)))).OfType<string>().ToList();
        return failures.Count == 0
            ? HealthCheckResult.Healthy("Alpaca answers.")
            : HealthCheckResult.Unhealthy(string.Join(" ", failures));
    }

    /// <summary>Null when the host answered, else why not (host name only: no path, no query).</summary>
    private async Task<string?> ProbeAsync(Uri baseUrl, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(options.Value.UpstreamTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        using var client = clients.CreateClient(HttpClientName);
        try
        {
            // Unauthenticated on purpose: no user's token is spent on probes; a 401 proves Alpaca is there.
            using var response = await client.GetAsync(new Uri(baseUrl.AbsoluteUri.TrimEnd('/') + "/v2/clock"), HttpCompletionOption.ResponseHeadersRead, linked.Token);
            return (int)response.StatusCode < 500 ? null : $"{baseUrl.Host} answered {(int)response.StatusCode}.";
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return $"{baseUrl.Host} did not answer within {options.Value.UpstreamTimeout.TotalSeconds:0.#} s.";
        }
        catch (HttpRequestException e)
        {
            return $"{baseUrl.Host} could not be reached ({e.HttpRequestError}).";
        }
    }
}
