using AlpacaConnect.Gql.GraphQL.Errors;
using AlpacaConnect.Gql.Orders;

namespace AlpacaConnect.Gql.Tests.Orders;

public sealed class OrderListQueryTests
{
    private static OrderListQuery From(int? first, string? after = null, string user = "app-alice") =>
        OrderListQuery.From(user, first, after, OrderStatusFilter.Open, null, null, null, null);

    [Fact]
    public void FirstDefaultsToTwentyAndIsCappedAtOneHundred()
    {
        Assert.Equal(20, From(null).First);
        Assert.Equal(100, From(101).First);
        Assert.Equal(100, From(int.MaxValue).First);
        Assert.Equal(0, From(0).First);
    }

    [Fact]
    public void ACursorRoundTripsForItsUserOnly()
    {
        var cursor = new OrderCursor(new DateTimeOffset(2026, 3, 2, 15, 0, 0, 123, TimeSpan.Zero), Guid.NewGuid());
        var encoded = cursor.Encode("app-alice");

        Assert.Equal(cursor, From(null, encoded).After);
        var refused = Assert.Throws<ApiException>(() => From(null, encoded, "app-bob"));
        Assert.Equal(ErrorCodes.BadUserInput, refused.Code);
    }
}
