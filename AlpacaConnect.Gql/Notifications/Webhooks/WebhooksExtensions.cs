using Microsoft.Extensions.DependencyInjection.Extensions;
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
        Register(builder.Services);
        return builder;
    }

    /// <summary>
    /// The registrations of <see cref="AddWebhooks"/>, bound to the app's configuration when first read; a second call
    /// adds nothing, so the channel never has two senders.
    /// </summary>
    internal static void Register(IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(WebhookSender)))
        {
            return;
        }

        services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WebhookOptions>, WebhookOptionsValidator>());
        services.AddHttpClient(WebhookSender.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            // A redirect is a failure per the spec, and following one would send the signed event somewhere unconfigured.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false });
        services.AddSingleton<WebhookSender>();
        services.AddSingleton<INotificationSender>(provider => provider.GetRequiredService<WebhookSender>());
    }
}
