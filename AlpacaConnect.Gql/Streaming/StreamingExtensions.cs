namespace AlpacaConnect.Gql.Streaming;

public static class StreamingExtensions
{
    /// <summary>The event bus that carries domain events to subscriptions.</summary>
    public static WebApplicationBuilder AddStreaming(this WebApplicationBuilder builder)
    {
        builder.AddEventBus();
        return builder;
    }
}
