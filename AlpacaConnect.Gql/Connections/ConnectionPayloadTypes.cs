using GraphQL.Types;

namespace AlpacaConnect.Gql.Connections;

internal sealed class ConnectAlpacaPayloadType : ObjectGraphType<ConnectAlpacaPayload>
{
    public ConnectAlpacaPayloadType()
    {
        Name = "ConnectAlpacaPayload";
        Field<StringGraphType>("authorizationUrl")
            .Description("Open this in the user's browser: Alpaca's consent page for this flow.")
            .Resolve(c => c.Source.AuthorizationUrl?.AbsoluteUri);
        Field(p => p.ExpiresAt, nullable: true).Description("The flow must be finished before this time.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ConnectAlpacaErrorType>>>>("errors").Resolve(c => c.Source.Errors);
    }
}

internal sealed class CompleteAlpacaConnectionPayloadType : ObjectGraphType<CompleteAlpacaConnectionPayload>
{
    public CompleteAlpacaConnectionPayloadType()
    {
        Name = "CompleteAlpacaConnectionPayload";
        Field<AlpacaConnectionType>("connection").Resolve(c => c.Source.Connection);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CompleteAlpacaConnectionErrorType>>>>("errors").Resolve(c => c.Source.Errors);
    }
}

internal sealed class DisconnectAlpacaPayloadType : ObjectGraphType<DisconnectAlpacaPayload>
{
    public DisconnectAlpacaPayloadType()
    {
        Name = "DisconnectAlpacaPayload";
        Field<AlpacaConnectionType>("connection").Resolve(c => c.Source.Connection);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DisconnectAlpacaErrorType>>>>("errors").Resolve(c => c.Source.Errors);
    }
}
