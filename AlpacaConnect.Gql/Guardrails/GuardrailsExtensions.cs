using AlpacaConnect.Gql.GraphQL.Schema;

namespace AlpacaConnect.Gql.Guardrails;

internal static class GuardrailsExtensions
{
    /// <summary>The guardrail limits (section <c>Guardrails</c>, validated at start-up) and the <c>guardrails</c> query.</summary>
    public static WebApplicationBuilder AddGuardrails(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<GuardrailOptions>()
            .Configure<IConfiguration>((options, configuration) => GuardrailOptionsBinding.Bind(configuration.GetSection(GuardrailOptions.Section), options))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddQueryFields<GuardrailQueries>();
        return builder;
    }
}
