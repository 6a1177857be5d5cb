using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;

namespace AlpacaConnect.Gql.Operators;

internal static class OperatorExtensions
{
    /// <summary>The operator API: its JWT scheme (own audience), its settings (section <c>Operator</c>), its actions and their audit.</summary>
    public static WebApplicationBuilder AddOperatorApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<OperatorOptions>()
            .Bind(builder.Configuration.GetSection(OperatorOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<OperatorOptions>, OperatorOptionsValidator>();
        builder.Services.AddAuthentication().AddJwtBearer(OperatorAuthentication.Scheme);
        builder.Services.AddSingleton<IPostConfigureOptions<JwtBearerOptions>, OperatorAuthentication.ConfigureScheme>();
        builder.Services.AddSingleton<OperatorTokens>();
        builder.Services.AddSingleton<OperatorAudit>();
        builder.Services.AddSingleton<OperatorUserLookup>();
        builder.Services.AddSingleton<StuckOrderCheck>();
        builder.Services.AddSingleton<OperatorWebhooks>();
        return builder;
    }

    /// <summary><c>/operator/...</c> when the API is open (always in Development; elsewhere once <c>Operator:Audience</c> is set).</summary>
    public static WebApplication MapOperatorApi(this WebApplication app)
    {
        OperatorTokens.MapDevelopmentEndpoint(app);
        if (app.Services.GetRequiredService<IOptions<OperatorOptions>>().Value.AudienceIn(app.Environment) is not null)
        {
            OperatorEndpoints.Map(app);
        }

        return app;
    }
}
