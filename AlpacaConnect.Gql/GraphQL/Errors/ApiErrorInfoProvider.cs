using System.Text.RegularExpressions;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Validation;
using GraphQL.Validation.Errors.Custom;
using GraphQLParser.Exceptions;

namespace AlpacaConnect.Gql.GraphQL.Errors;

/// <summary>
/// Shapes every error as <c>{ message, locations, path, extensions: { code } }</c> with a code from
/// <see cref="ErrorCodes"/>. Unexpected exceptions become <c>INTERNAL_SERVER_ERROR</c>; their details
/// appear only where <see cref="ErrorExposure"/> allows it (Development).
/// </summary>
internal sealed partial class ApiErrorInfoProvider(ErrorExposure exposure) : ErrorInfoProvider(new ErrorInfoProviderOptions
{
    ExposeCode = true,
    ExposeCodes = false,
    ExposeData = false,
    ExposeExceptionDetails = exposure.ExposeDetails,
})
{
    public override ErrorInfo GetInfo(ExecutionError executionError)
    {
        var info = base.GetInfo(executionError);
        var extensions = info.Extensions ?? new Dictionary<string, object?>();
        extensions.Remove("number");
        if (executionError is not UnhandledError)
        {
            // Stack traces help only for unexpected failures; a validation error's trace is noise.
            extensions.Remove("details");
        }

        extensions["code"] = CodeOf(executionError);
        if (executionError is ApiException { Details: var details })
        {
            foreach (var (key, value) in details)
            {
                extensions[key] = value;
            }
        }

        return new ErrorInfo { Message = PublicMessage(info.Message), Extensions = extensions };
    }

    /// <summary>
    /// A last guard outside Development: a message that names an exception type or a .NET namespace (a library's
    /// message passed through) is replaced, so answers never describe the server's insides.
    /// </summary>
    private string PublicMessage(string message) =>
        !exposure.ExposeDetails && InternalDetail().IsMatch(message) ? "The request could not be processed." : message;

    // NonBacktracking: messages echo client input (long runs of digits), and \w+Exception backtracks quadratically on them.
    [GeneratedRegex(@"[A-Za-z]Exception\b|\bSystem\.\w|\bGraphQL(Parser)?\.\w", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex InternalDetail();

    /// <summary>The code clients see in <c>extensions.code</c>; spans carry the same.</summary>
    public static string CodeOf(ExecutionError error) => error switch
    {
        UnhandledError => ErrorCodes.InternalServerError,
        ComplexityError => ErrorCodes.QueryTooComplex,
        NoIntrospectionError => ErrorCodes.IntrospectionDisabled,
        SyntaxError or { InnerException: GraphQLSyntaxErrorException } => ErrorCodes.SyntaxError,
        _ when error.Code is { Length: > 0 } code && ErrorCodes.All.Contains(code) => code,
        ValidationError => ErrorCodes.ValidationFailed,
        _ => ErrorCodes.BadRequest,
    };
}
