using AlpacaConnect.Gql.GraphQL.Authorization;
using AlpacaConnect.Gql.GraphQL.Schema;
using AlpacaConnect.Gql.Identity;
using GraphQL;
using GraphQL.Types;

namespace AlpacaConnect.Gql.Orders;

/// <summary>
/// <c>previewOrder</c> is a query: it sends nothing and changes nothing, so a client may run it as often as the ticket
/// changes, cache it, or retry it freely.
/// </summary>
internal sealed class OrderPreviewQueries : IQueryFields
{
    public void AddFieldsTo(ObjectGraphType root) =>
        root.Field<NonNullGraphType<OrderPreviewGraphType>>("previewOrder")
            .Description("What placeOrder would do with the same input now: the order's estimated value, the quote used, every asset and guardrail verdict, buying power after, and the errors placeOrder would answer with. Sends nothing, saves nothing, reserves none of the daily limits. The input's idempotencyKey is not looked up: the preview is of a new order.")
            .Argument<NonNullGraphType<PlaceOrderInputType>>("input")
            .RequireAuthentication()
            .ResolveAsync(async context => await context.RequestServices!.GetRequiredService<OrderPlacement>()
                .PreviewAsync(AppUser.IdOf(context.User)!, context.GetArgument<PlaceOrderInput>("input"), context.CancellationToken));
}
