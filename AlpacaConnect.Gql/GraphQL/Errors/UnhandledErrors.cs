using GraphQL.Execution;

namespace AlpacaConnect.Gql.GraphQL.Errors;

/// <summary>Logs every unexpected resolver exception and masks its message outside Development.</summary>
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
        LogUnhandled(logger, context.FieldContext?.FieldDefinition.Name ?? "(document)", context.OriginalException);
        if (!services.GetRequiredService<ErrorExposure>().ExposeDetails)
        {
            context.ErrorMessage = "Internal server error";
        }
    }

    [LoggerMessage(EventId = 1000, Level = LogLevel.Error, Message = "Unhandled exception while resolving {Field}")]
    private static partial void LogUnhandled(ILogger logger, string field, Exception exception);
}
