using AlpacaConnect.Gql.Alpaca;
using GraphQL.Types;

namespace AlpacaConnect.Gql.Connections;

internal sealed record ConnectAlpacaInput(AlpacaEnvironment Environment, string ReturnTo);

internal sealed record CompleteAlpacaConnectionInput(string CompletionCode);

internal sealed class ConnectAlpacaInputType : InputObjectGraphType<ConnectAlpacaInput>
{
    public ConnectAlpacaInputType()
    {
        Name = "ConnectAlpacaInput";
        Field<NonNullGraphType<AlpacaEnvironmentGraphType>>("environment").DefaultValue(AlpacaEnvironment.Paper);
        Field(i => i.ReturnTo).Description("Where the browser returns after Alpaca (an allow-listed app link); it gets `completionCode` or `error` appended.");
    }
}

internal sealed class CompleteAlpacaConnectionInputType : InputObjectGraphType<CompleteAlpacaConnectionInput>
{
    public CompleteAlpacaConnectionInputType()
    {
        Name = "CompleteAlpacaConnectionInput";
        Field(i => i.CompletionCode).Description("The one-time code the callback appended to `returnTo`.");
    }
}
