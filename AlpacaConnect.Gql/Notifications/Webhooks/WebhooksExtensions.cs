using Microsoft.Extensions.Options;

namespace AlpacaConnect.Gql.Notifications.Webhooks;

internal static class WebhooksExtensions
{
    /// <summary>
    /// Signed webhooks to the operator's backend (section <c>Notifications:Webhooks</c>): the settings, checked at start,
    /// and the sender the outbox dispatcher calls, with an HTTP client of its own that follows no redirects.
    /// </summary>
    public static WebApplicationBuilder AddWebhooks(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<WebhookOptions>()
            .Bind(builder.Configuration.GetSection(WebhookOptions.Section))
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<WebhookOptions>, WebhookOptionsValidator>();
        builder.Services.AddHttpClient(WebhookSender.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            // A redirect is a failure per the spec, and following one would send the signed event somewhere unconfigured.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false });
        builder.Services.AddSingleton<WebhookSender>();
        builder.Services.AddSingleton<INotificationSender>(services => services.GetRequiredService<WebhookSender>());
        return builder;
    }
}
