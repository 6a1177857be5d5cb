using AlpacaConnect.Gql.GraphQL.Errors;
using GraphQL.Validation;
using GraphQLParser.AST;

namespace AlpacaConnect.Gql.GraphQL.Authorization;

/// <summary>
/// Rejects, at validation time, any operation that selects a field marked with
/// <see cref="AuthenticationMetadata.RequireAuthentication{TSource,TReturn}"/> when the caller is
/// anonymous. Validation time means no resolver (and no upstream call) runs for such a request.
/// </summary>
internal sealed class AuthenticationRule : ValidationRuleBase
{
    private static readonly MatchingNodeVisitor<GraphQLField> Visitor = new((node, context) =>
    {
        var field = context.TypeInfo.GetFieldDef();
        if (field is null || !field.RequiresAuthentication() || context.User?.Identity?.IsAuthenticated == true)
        {
            return;
        }

        context.ReportError(new ValidationError(
            context.Document.Source,
            number: null,
            $"You must be signed in to select '{field.Name}'.",
            node)
        {
            Code = ErrorCodes.Unauthenticated,
        });
    });

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context) =>
        new(Visitor);
}
