namespace AlpacaConnect.Gql.Hosting;

internal static class RuntimeExtensions
{
    /// <summary>The server's care of its own process: memory given back when idle (decision 0043).</summary>
    public static WebApplicationBuilder AddRuntimeCare(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<RuntimeOptions>().Bind(builder.Configuration.GetSection(RuntimeOptions.Section));
        builder.Services.AddSingleton<IdleMemoryRelease>();
        builder.Services.AddHostedService(services => services.GetRequiredService<IdleMemoryRelease>());
        return builder;
    }
}
