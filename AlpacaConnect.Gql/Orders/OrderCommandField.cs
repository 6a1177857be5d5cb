using AlpacaConnect.Gql.GraphQL.Authorization;
using AlpacaConnect.Gql.GraphQL.Errors;
using AlpacaConnect.Gql.Identity;
using AlpacaConnect.Gql.Observability;
using GraphQL;
using GraphQL.Types;

namespace AlpacaConnect.Gql.Orders;

/// <summary>
/// The mutation field of a command that can move money: an authenticated caller, one <c>input</c>, the command's
/// service, and the request metric every such command records with its first error code.
/// </summary>
internal static class OrderCommandField
{
    public static void AddOrderCommand<TPayloadType, TInputType, TInput, TService, TPayload>(
        this ObjectGraphType root, string name, string description,
        Func<TService, string, TInput, CancellationToken, Task<TPayload>> run, Func<TPayload, IReadOnlyList<PayloadError>> errorsOf)
        where TPayloadType : IGraphType
        where TInputType : IInputObjectGraphType
        where TService : notnull
    {
        root.Field<NonNullGraphType<TPayloadType>>(name)
            .Description(description)
            .Argument<NonNullGraphType<TInputType>>("input")
            .RequireAuthentication()
            .ResolveAsync(async context =>
            {
                var services = context.RequestServices!;
                var payload = await run(services.GetRequiredService<TService>(), AppUser.IdOf(context.User)!, context.GetArgument<TInput>("input"), context.CancellationToken);
                services.GetRequiredService<AppMetrics>().OrderRequest(name, errorsOf(payload) is [var first, ..] ? first.Code : null);
                return payload;
            });
    }
}
