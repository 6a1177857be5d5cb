using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Timeout;

namespace AlpacaConnect.Gql.Alpaca.Http;

/// <summary>
/// The resilience pipeline of every Alpaca client, outermost first: total timeout, retry, circuit breaker, attempt
/// timeout. Only safe requests (GET, HEAD) are retried: re-sending an order POST after a timeout or 5xx can place it
/// twice, so its ambiguity is reported instead (facts 3.3; peers 0.3).
/// </summary>
internal static class AlpacaResiliencePipeline
{
    public const string Name = "alpaca";

    public static bool IsSafe(HttpMethod method) => method == HttpMethod.Get || method == HttpMethod.Head;

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, ResilienceHandlerContext context)
    {
        var options = context.ServiceProvider.GetRequiredService<IOptions<AlpacaResilienceOptions>>().Value;
        var time = context.ServiceProvider.GetRequiredService<TimeProvider>();

        pipeline.AddTimeout(options.TotalTimeout);
        if (options.MaxRetryAttempts > 0)
        {
            pipeline.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetryAttempts,
                Delay = options.RetryBaseDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldRetryAfterHeader = false,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Context, args.Outcome, options, time)),
                DelayGenerator = args => ValueTask.FromResult(RateLimitDelay(args.Outcome, time)),
            });
        }

        pipeline.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
        {
            FailureRatio = options.CircuitFailureRatio,
            MinimumThroughput = options.CircuitMinimumThroughput,
            SamplingDuration = options.CircuitSamplingDuration,
            BreakDuration = options.CircuitBreakDuration,
            // A 429 is one account's budget, not Alpaca's health: it must not open the circuit for every account.
            ShouldHandle = args => ValueTask.FromResult(IsUpstreamFailure(args.Outcome)),
        });
        pipeline.AddTimeout(options.AttemptTimeout);
    }

    private static bool ShouldRetry(ResilienceContext context, Outcome<HttpResponseMessage> outcome, AlpacaResilienceOptions options, TimeProvider time)
    {
        if (context.GetRequestMessage() is not { } request || !IsSafe(request.Method))
        {
            return false;
        }

        return outcome switch
        {
            { Result.StatusCode: HttpStatusCode.TooManyRequests } => RateLimitDelay(outcome, time) is not { } wait || wait <= options.MaxRateLimitWait,
            _ => IsUpstreamFailure(outcome),
        };
    }

    /// <summary>On a 429, wait until Alpaca says the budget resets; otherwise the jittered back-off.</summary>
    private static TimeSpan? RateLimitDelay(Outcome<HttpResponseMessage> outcome, TimeProvider time) =>
        outcome.Result is { StatusCode: HttpStatusCode.TooManyRequests } response
            ? RateLimitHeaders.RetryAfter(response, time.GetUtcNow())
            : null;

    private static bool IsUpstreamFailure(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException or TimeoutRejectedException } => true,
        { Result.StatusCode: var status } => status is HttpStatusCode.RequestTimeout
            || (status >= HttpStatusCode.InternalServerError && status is not HttpStatusCode.NotImplemented and not HttpStatusCode.HttpVersionNotSupported),
        _ => false,
    };
}
