using AlpacaConnect.Gql.GraphQL.Authorization;
using AlpacaConnect.Gql.GraphQL.Schema;
using GraphQL.Types;
using Microsoft.Extensions.Options;

namespace AlpacaConnect.Gql.Guardrails;

internal sealed class GuardrailQueries : IQueryFields
{
    public void AddFieldsTo(ObjectGraphType root) =>
        root.Field<NonNullGraphType<GuardrailPolicyType>>("guardrails")
            .Description("The pre-trade limits this server applies. Needs a signed-in user, not a connection.")
            .RequireAuthentication()
            .Resolve(context => context.RequestServices!.GetRequiredService<IOptions<GuardrailOptions>>().Value);
}
