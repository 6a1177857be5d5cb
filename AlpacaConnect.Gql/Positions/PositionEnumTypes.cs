using AlpacaConnect.Gql.Alpaca.Models;
using GraphQL.Types;

namespace AlpacaConnect.Gql.Positions;

internal sealed class PositionSideGraphType : EnumerationGraphType<AlpacaPositionSide>
{
    public PositionSideGraphType()
    {
        Name = "PositionSide";
        Description = "LONG or SHORT; UNKNOWN for a value this server does not know yet.";
    }
}
