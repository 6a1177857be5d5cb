using GraphQL.Types;

namespace AlpacaConnect.Gql.GraphQL.Errors;

/// <summary><c>interface Error</c>: what every typed payload error has in common.</summary>
internal sealed class ErrorInterfaceGraphType : InterfaceGraphType<PayloadError>
{
    public ErrorInterfaceGraphType()
    {
        Name = "Error";
        Description = "An expected failure of a mutation, returned in its payload's `errors`.";
        Field<NonNullGraphType<ErrorCodeGraphType>>("code");
        Field(e => e.Message).Description("A sentence for developers; show the user a text chosen by `code`.");
    }
}

/// <summary>Base of typed payload error object types: <c>code</c>, <c>message</c>, and the <c>Error</c> interface.</summary>
internal abstract class PayloadErrorGraphType<TError> : ObjectGraphType<TError>
    where TError : PayloadError
{
    protected PayloadErrorGraphType(string name, string description)
    {
        Name = name;
        Description = description;
        Field<NonNullGraphType<ErrorCodeGraphType>>("code").Resolve(c => c.Source.Code);
        Field(e => e.Message);
        Interface<ErrorInterfaceGraphType>();
    }
}
