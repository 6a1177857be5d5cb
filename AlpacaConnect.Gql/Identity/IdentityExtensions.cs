using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;

namespace AlpacaConnect.Gql.Identity;

internal static class IdentityExtensions
{
    /// <summary>JWT bearer authentication of app users, and development tokens.</summary>
    public static WebApplicationBuilder AddAppIdentity(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<JwtOptions>()
            .Bind(builder.Configuration.GetSection(JwtOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<JwtOptions>, JwtOptionsValidator>();
        builder.Services.AddSingleton<SigningKeyProvider>();
        builder.Services.AddSingleton<DevTokenIssuer>();
        builder.Services.AddSingleton<IConfigureOptions<JwtBearerOptions>, ConfigureJwtBearer>();
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        builder.Services.AddAuthorization();
        return builder;
    }

    public static WebApplication UseAppIdentity(this WebApplication app)
    {
        app.UseAuthentication();
        app.Use(RejectInvalidBearerTokens.InvokeAsync);
        return app;
    }
}
