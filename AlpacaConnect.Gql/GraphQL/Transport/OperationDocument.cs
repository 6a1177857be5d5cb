using AlpacaConnect.Gql.GraphQL.Errors;
using AlpacaConnect.Gql.GraphQL.Limits;
using GraphQLParser;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;

namespace AlpacaConnect.Gql.GraphQL.Transport;

/// <summary>
/// Parses a request's document once, so the transport can see the operation type (mutations are not
/// allowed over GET) and the engine does not parse it again.
/// </summary>
internal static class OperationDocument
{
    /// <summary>The parsed document, or null when it does not parse (the engine then reports the syntax error).</summary>
    public static GraphQLDocument? TryParse(string query)
    {
        try
        {
            return Parser.Parse(query, new ParserOptions { Ignore = IgnoreOptions.Comments });
        }
        catch (GraphQLSyntaxErrorException)
        {
            return null;
        }
        catch (GraphQLMaxDepthExceededException)
        {
            return null;
        }
    }

    /// <summary>
    /// Why the engine must not see the request: nested past the parser's limit (the engine would throw instead of
    /// reporting it) or too large once its fragments are expanded. Null when the engine may run it.
    /// </summary>
    public static ApiException? Refusal(string? query, GraphQLDocument? document, int maxExpandedSelections)
    {
        if (document is not null)
        {
            return DocumentBudget.Check(document, maxExpandedSelections);
        }

        if (query is null)
        {
            return null; // the engine reports the missing document
        }

        try
        {
            Parser.Parse(query, new ParserOptions { Ignore = IgnoreOptions.Comments });
            return null;
        }
        catch (GraphQLMaxDepthExceededException)
        {
            return new ApiException(ErrorCodes.SyntaxError, "The document is nested too deeply to be parsed.");
        }
        catch (GraphQLSyntaxErrorException)
        {
            return null; // the engine reports it with its location
        }
    }

    /// <summary>The type of the operation the request would run, if it can be told.</summary>
    public static OperationType? OperationTypeOf(GraphQLDocument document, string? operationName)
    {
        var operations = document.Definitions.OfType<GraphQLOperationDefinition>().ToList();
        var operation = operationName is null
            ? operations.Count == 1 ? operations[0] : null
            : operations.FirstOrDefault(o => o.Name?.Value == operationName);
        return operation?.Operation;
    }
}
