namespace AlpacaConnect.Sandbox.Push;

/// <summary>The fake push providers (APNs, FCM with Google's token endpoint, Expo) and their device page.</summary>
internal static class PushFakesExtensions
{
    /// <summary>Where the fakes are served, under the sandbox root: <c>/sandbox/push</c>.</summary>
    public const string Root = "/push";

    public static IServiceCollection AddPushFakes(this IServiceCollection services) =>
        services.AddSingleton<PushFakeStore>().AddSingleton<PushFaults>();

    public static void MapPushFakes(this IEndpointRouteBuilder endpoints)
    {
        var push = endpoints.MapGroup(Root);
        push.MapFakeApns();
        push.MapFakeFcm();
        push.MapFakeExpo();
        push.MapPushDevicePage();
        endpoints.MapPushControl();
    }
}
