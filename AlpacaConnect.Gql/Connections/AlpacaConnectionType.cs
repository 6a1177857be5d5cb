using AlpacaConnect.Gql.Alpaca;
using AlpacaConnect.Gql.Alpaca.Models;
using GraphQL.Types;

namespace AlpacaConnect.Gql.Connections;

internal sealed class AlpacaConnectionType : ObjectGraphType<AlpacaConnectionView>
{
    public AlpacaConnectionType()
    {
        Name = "AlpacaConnection";
        Description = "The caller's link to Alpaca. Tokens never leave the server.";
        Field(c => c.Id, type: typeof(IdGraphType)).Description("Stable across reconnects; null before the first connection.");
        Field<NonNullGraphType<ConnectionStatusGraphType>>("status").Resolve(c => c.Source.Status);
        Field<AlpacaEnvironmentGraphType>("environment").Resolve(c => c.Source.Environment);
        Field(c => c.AccountNumber, nullable: true).Description("Alpaca's account number, e.g. PA3XYZ for paper.");
        Field<AccountStatusGraphType>("accountStatus")
            .Description("Alpaca's account status when last read (ACTIVE for normal trading).")
            .Resolve(c => c.Source.AccountStatus);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("scopes")
            .Description("Scopes Alpaca granted (may be wider than those requested).")
            .Resolve(c => c.Source.Scopes);
        Field(c => c.ConnectedAt, nullable: true);
        Field(c => c.LastSyncedAt, nullable: true).Description("When account data was last read from Alpaca.");
        Field<NonNullGraphType<StringGraphType>>("signUpUrl")
            .Description("Where users without an Alpaca account can open one; OAuth cannot create accounts.")
            .Resolve(c => c.Source.SignUpUrl.AbsoluteUri);
    }
}

internal sealed class ConnectionStatusGraphType : EnumerationGraphType<ConnectionStatus>
{
    public ConnectionStatusGraphType()
    {
        Name = "ConnectionStatus";
    }
}

internal sealed class AlpacaEnvironmentGraphType : EnumerationGraphType<AlpacaEnvironment>
{
    public AlpacaEnvironmentGraphType()
    {
        Name = "AlpacaEnvironment";
        Description = "PAPER (simulated money) or LIVE (real money).";
    }
}

internal sealed class AccountStatusGraphType : EnumerationGraphType<AlpacaAccountStatus>
{
    public AccountStatusGraphType()
    {
        Name = "AccountStatus";
        Description = "Alpaca's account status; UNKNOWN for a value this server does not know yet.";
    }
}
