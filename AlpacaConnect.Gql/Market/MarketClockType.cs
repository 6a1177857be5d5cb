using AlpacaConnect.Gql.Alpaca.Models;
using GraphQL.Types;

namespace AlpacaConnect.Gql.Market;

internal sealed class MarketClockType : ObjectGraphType<AlpacaClock>
{
    public MarketClockType()
    {
        Name = "MarketClock";
        Description = "Alpaca's market clock. Instants keep Alpaca's New York offset (e.g. -04:00).";
        Field<NonNullGraphType<BooleanGraphType>>("isOpen").Description("Whether the market is in regular hours now.").Resolve(c => c.Source.IsOpen);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("timestamp").Description("Alpaca's current time.").Resolve(c => c.Source.Timestamp);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("nextOpen").Resolve(c => c.Source.NextOpen);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("nextClose").Resolve(c => c.Source.NextClose);
    }
}
