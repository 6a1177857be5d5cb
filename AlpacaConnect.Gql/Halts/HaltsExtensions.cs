namespace AlpacaConnect.Gql.Halts;

internal static class HaltsExtensions
{
    /// <summary>The kill switch: pauses kept in the database, checked by the order pipeline, flipped through the operator API.</summary>
    public static WebApplicationBuilder AddTradingHalts(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<TradingHalts>();
        return builder;
    }
}
