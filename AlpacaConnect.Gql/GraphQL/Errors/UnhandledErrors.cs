using AlpacaConnect.Gql.Alpaca;
using GraphQL.Execution;

namespace AlpacaConnect.Gql.GraphQL.Errors;

/// <summary>
/// Resolver exceptions: a failed Alpaca call becomes its typed error (the one mapping is
/// <see cref="UpstreamErrorCodes"/>); anything else is logged and masked outside Development.
/// </summary>
internal static partial class UnhandledErrors
{
    public static void Handle(UnhandledExceptionContext context)
    {
        var services = context.ExecutionOptions.RequestServices;
        if (services is null)
        {
            context.ErrorMessage = "Internal server error";
            return;
        }

        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("AlpacaConnect.Gql.GraphQL");
        var field = context.FieldContext?.FieldDefinition.Name ?? "(document)";
        if (context.OriginalException is AlpacaApiException upstream)
        {
            LogUpstreamFailure(logger, field, UpstreamErrorCodes.For(upstream), (int?)upstream.StatusCode, upstream.AlpacaCode);
            context.Exception = FromUpstream(upstream, services.GetRequiredService<ErrorExposure>().ExposeDetails);
            return;
        }

        LogUnhandled(logger, field, context.OriginalException);
        if (!services.GetRequiredService<ErrorExposure>().ExposeDetails)
        {
            context.ErrorMessage = "Internal server error";
        }
    }

    /// <summary>
    /// The client's view of a failed Alpaca call: our code, Alpaca's code, and when to retry. Our own message names the
    /// upstream path and sometimes a parser's exception type, so outside Development only Alpaca's words are passed on.
    /// </summary>
    public static ApiException FromUpstream(AlpacaApiException upstream, bool exposeDetails)
    {
        var details = new Dictionary<string, object?>();
        if (upstream.AlpacaCode is { } code)
        {
            details["upstreamCode"] = code;
        }

        if (upstream.MissingScope is { } scope)
        {
            details["scope"] = scope;
        }

        if (upstream.RetryAfter is { } retryAfter)
        {
            details["retryAfter"] = (int)Math.Ceiling(retryAfter.TotalSeconds);
        }

        return new ApiException(UpstreamErrorCodes.For(upstream), exposeDetails ? upstream.Message : PublicMessage(upstream), details);
    }

    private static string PublicMessage(AlpacaApiException upstream) => upstream.Kind switch
    {
        AlpacaErrorKind.Rejected when upstream.IsScopeRefusal =>
            $"This Alpaca connection was not granted the {(upstream.MissingScope is { } scope ? $"`{scope}` scope" : "scope")} this needs; connect again and approve it.",
        AlpacaErrorKind.Rejected when upstream.UpstreamMessage is { Length: > 0 } message => $"Alpaca refused the request: {message}",
        AlpacaErrorKind.Rejected => "Alpaca refused the request.",
        AlpacaErrorKind.NotFound => "Alpaca has no such resource.",
        AlpacaErrorKind.RateLimited => "Too many calls to Alpaca for this account; try again later.",
        AlpacaErrorKind.ReauthRequired => "The Alpaca connection must be authorized again.",
        AlpacaErrorKind.Timeout => "Alpaca did not answer in time; try again later.",
        AlpacaErrorKind.EnvironmentNotAllowed => "This Alpaca environment is not allowed.",
        _ => "Alpaca could not be reached or answered unexpectedly; try again later.",
    };

    [LoggerMessage(EventId = 1000, Level = LogLevel.Error, Message = "Unhandled exception while resolving {Field}")]
    private static partial void LogUnhandled(ILogger logger, string field, Exception exception);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Warning, Message = "Alpaca call failed while resolving {Field}: {Code} (HTTP {Status}, Alpaca code {AlpacaCode})")]
    private static partial void LogUpstreamFailure(ILogger logger, string field, string code, int? status, int? alpacaCode);
}
