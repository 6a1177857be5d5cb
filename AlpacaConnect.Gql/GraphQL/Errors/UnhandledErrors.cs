using AlpacaConnect.Gql.Alpaca;
using GraphQL.Execution;

namespace AlpacaConnect.Gql.GraphQL.Errors;

/// <summary>
/// Resolver exceptions: a failed Alpaca call becomes its typed error (the one mapping lives on
/// <see cref="AlpacaApiException.ErrorCode"/>); anything else is logged and masked outside Development.
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
            LogUpstreamFailure(logger, field, upstream.ErrorCode, (int?)upstream.StatusCode, upstream.AlpacaCode);
            context.Exception = FromUpstream(upstream);
            return;
        }

        LogUnhandled(logger, field, context.OriginalException);
        if (!services.GetRequiredService<ErrorExposure>().ExposeDetails)
        {
            context.ErrorMessage = "Internal server error";
        }
    }

    /// <summary>The client's view of a failed Alpaca call: our code, Alpaca's code, and when to retry.</summary>
    public static ApiException FromUpstream(AlpacaApiException upstream)
    {
        var details = new Dictionary<string, object?>();
        if (upstream.AlpacaCode is { } code)
        {
            details["upstreamCode"] = code;
        }

        if (upstream.RetryAfter is { } retryAfter)
        {
            details["retryAfter"] = (int)Math.Ceiling(retryAfter.TotalSeconds);
        }

        return new ApiException(upstream.ErrorCode, upstream.Message, details);
    }

    [LoggerMessage(EventId = 1000, Level = LogLevel.Error, Message = "Unhandled exception while resolving {Field}")]
    private static partial void LogUnhandled(ILogger logger, string field, Exception exception);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Warning, Message = "Alpaca call failed while resolving {Field}: {Code} (HTTP {Status}, Alpaca code {AlpacaCode})")]
    private static partial void LogUpstreamFailure(ILogger logger, string field, string code, int? status, int? alpacaCode);
}
