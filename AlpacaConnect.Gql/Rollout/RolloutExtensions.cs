using Microsoft.Extensions.Options;

namespace AlpacaConnect.Gql.Rollout;

internal static class RolloutExtensions
{
    /// <summary>The gradual rollout's cohort (section <c>Rollout</c>, validated at start-up, re-read on change).</summary>
    public static WebApplicationBuilder AddRollout(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<RolloutOptions>()
            .Bind(builder.Configuration.GetSection(RolloutOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<RolloutOptions>, RolloutOptionsValidator>();
        builder.Services.AddSingleton<RolloutGate>();
        return builder;
    }
}
