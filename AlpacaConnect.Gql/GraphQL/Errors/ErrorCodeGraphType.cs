using GraphQL.Types;

namespace AlpacaConnect.Gql.GraphQL.Errors;

/// <summary>The <see cref="ErrorCodes"/> list as a GraphQL enum, so typed payload errors share it.</summary>
internal sealed class ErrorCodeGraphType : EnumerationGraphType
{
    public ErrorCodeGraphType()
    {
        Name = "ErrorCode";
        Description = "Stable machine-readable error codes; the same values appear in `extensions.code`.";
        foreach (var code in ErrorCodes.All)
        {
            Add(code, code);
        }
    }
}
