using AlpacaConnect.Gql.GraphQL.Authorization;
using AlpacaConnect.Gql.GraphQL.Schema;
using AlpacaConnect.Gql.Identity;
using GraphQL;
using GraphQL.Types;

namespace AlpacaConnect.Gql.Connections;

internal sealed class ConnectionMutations : IMutationFields
{
    public void AddFieldsTo(ObjectGraphType root)
    {
        root.Field<NonNullGraphType<ConnectAlpacaPayloadType>>("connectAlpaca")
            .Description("Starts linking the caller's Alpaca account: returns the consent page URL (valid ten minutes).")
            .Argument<NonNullGraphType<ConnectAlpacaInputType>>("input")
            .RequireAuthentication()
            .ResolveAsync(async context =>
            {
                var input = context.GetArgument<ConnectAlpacaInput>("input");
                return await context.RequestServices!.GetRequiredService<ConnectFlow>()
                    .StartAsync(AppUser.IdOf(context.User)!, input.Environment, input.ReturnTo, context.CancellationToken);
            });

        root.Field<NonNullGraphType<CompleteAlpacaConnectionPayloadType>>("completeAlpacaConnection")
            .Description("Finishes linking with the completion code the callback gave the app. Only the user who started the flow can finish it.")
            .Argument<NonNullGraphType<CompleteAlpacaConnectionInputType>>("input")
            .RequireAuthentication()
            .ResolveAsync(async context =>
            {
                var input = context.GetArgument<CompleteAlpacaConnectionInput>("input");
                return await context.RequestServices!.GetRequiredService<ConnectionCompletion>()
                    .CompleteAsync(AppUser.IdOf(context.User)!, input.CompletionCode, context.CancellationToken);
            });

        root.Field<NonNullGraphType<DisconnectAlpacaPayloadType>>("disconnectAlpaca")
            .Description("Forgets the caller's Alpaca tokens. Order history is kept.")
            .RequireAuthentication()
            .ResolveAsync(async context => await context.RequestServices!.GetRequiredService<ConnectionDirectory>()
                .DisconnectAsync(AppUser.IdOf(context.User)!, context.CancellationToken));
    }
}
