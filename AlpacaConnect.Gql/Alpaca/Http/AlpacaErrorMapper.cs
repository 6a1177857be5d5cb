using System.Net;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace AlpacaConnect.Gql.Alpaca.Http;

/// <summary>
/// The one place where Alpaca's failures become <see cref="AlpacaApiException"/>s: non-success answers
/// (Refit's exception factory), transport failures (Refit's transport exception factory) and unreadable bodies.
/// </summary>
internal sealed class AlpacaErrorMapper(TimeProvider time)
{
    public async ValueTask<Exception?> FromResponseAsync(HttpResponseMessage response)
    {
        if (response.IsSuccessStatusCode)
        {
            return null;
        }

        var (code, message) = await AlpacaErrorBody.ReadAsync(response);
        var status = response.StatusCode;
        var text = $"Alpaca answered {(int)status}{(code is null ? "" : $" ({code})")} to {Describe(response.RequestMessage)}"
            + (message is null ? "." : $": {message}");
        AlpacaApiException exception = status switch
        {
            HttpStatusCode.Unauthorized when AlpacaErrorBody.IsScopeRefusal(message) => new AlpacaApiException(AlpacaErrorKind.Rejected, text),
            HttpStatusCode.Unauthorized => new AlpacaReauthRequiredException(text),
            HttpStatusCode.TooManyRequests => new AlpacaRateLimitedException(text)
            {
                RetryAfter = RateLimitHeaders.RetryAfter(response, time.GetUtcNow()),
            },
            HttpStatusCode.NotFound => new AlpacaApiException(AlpacaErrorKind.NotFound, text),
            HttpStatusCode.RequestTimeout or >= HttpStatusCode.InternalServerError =>
                new AlpacaApiException(AlpacaErrorKind.Unavailable, text) { IsAmbiguous = MayHaveTakenEffect(response.RequestMessage) },
            _ => new AlpacaApiException(AlpacaErrorKind.Rejected, text),
        };
        exception.StatusCode = status;
        exception.AlpacaCode = code;
        exception.UpstreamMessage = message;
        return exception;
    }

    public static Exception FromTransport(HttpRequestMessage request, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is AlpacaApiException || (exception is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            return exception;
        }

        var what = Describe(request);
        return exception switch
        {
            BrokenCircuitException => new AlpacaApiException(AlpacaErrorKind.Unavailable,
                $"Alpaca is failing; {what} was not sent (circuit open).", exception),
            TimeoutRejectedException or OperationCanceledException or TimeoutException => new AlpacaApiException(
                AlpacaErrorKind.Timeout, $"Alpaca did not answer {what} in time.", exception)
            {
                IsAmbiguous = MayHaveTakenEffect(request),
            },
            HttpRequestException http => new AlpacaApiException(AlpacaErrorKind.Unavailable,
                $"Alpaca could not be reached for {what} ({http.HttpRequestError}).", exception)
            {
                IsAmbiguous = MayHaveTakenEffect(request) && !NeverConnected(http),
            },
            _ => exception,
        };
    }

    /// <summary>A 2xx whose body is not what Alpaca documents. For an order POST the order exists: ambiguous.</summary>
    public static ValueTask<Exception?> FromUnreadableBody(HttpResponseMessage response, Exception exception) =>
        ValueTask.FromResult<Exception?>(new AlpacaApiException(AlpacaErrorKind.InvalidResponse,
            $"Alpaca's answer to {Describe(response.RequestMessage)} could not be read ({exception.GetType().Name}).")
        {
            StatusCode = response.StatusCode,
            IsAmbiguous = MayHaveTakenEffect(response.RequestMessage),
        });

    /// <summary>Method and path only: queries and bodies stay out of messages.</summary>
    private static string Describe(HttpRequestMessage? request) =>
        request is null ? "the request" : $"{request.Method} {request.RequestUri?.AbsolutePath}";

    private static bool MayHaveTakenEffect(HttpRequestMessage? request) =>
        request is not null && !AlpacaResiliencePipeline.IsSafe(request.Method);

    private static bool NeverConnected(HttpRequestException exception) =>
        exception.HttpRequestError is HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError;
}
