using AlpacaConnect.Gql.Alpaca;
using AlpacaConnect.Gql.Alpaca.Http;
using AlpacaConnect.Gql.Connections;
using AlpacaConnect.Gql.Observability;
using AlpacaConnect.Gql.Observability.Logging;
using AlpacaConnect.Sandbox;
using AlpacaConnect.Sandbox.OAuth;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace AlpacaConnect.Gql.Hosting;

/// <summary>
/// The one place the server knows the simulator (<c>AlpacaConnect.Sandbox</c>, decision 0021). In Sandbox mode it mounts
/// the simulator under <see cref="SandboxPaths.Root"/> and makes it the upstream: the Alpaca client gets its addresses on
/// this server's own origin and its OAuth client, and the health check and start-up log say that the upstream is the
/// simulator. Everything else in the server sees only an upstream's addresses.
/// </summary>
internal static partial class EmbeddedSandbox
{
    /// <summary>
    /// The simulator's services, registered in every mode (they cost nothing until resolved, and configuration added
    /// by a test host is only final after <c>Build()</c>); which upstream the server uses is decided from the final
    /// configuration. Call it after <c>AddAlpaca()</c> and <c>AddObservability()</c>, whose parts it replaces.
    /// </summary>
    public static WebApplicationBuilder AddEmbeddedSandbox(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddAlpacaSandbox(builder.Configuration);
        services.AddSingleton<IValidateOptions<SandboxOptions>, OptInOutsideDevelopment>();
        services.AddSingleton<IPostConfigureOptions<AlpacaOptions>, SandboxAsUpstream>();
        services.AddSingleton(provider => new ConfiguredSecret(() => provider.GetRequiredService<IOptions<SandboxOptions>>().Value.ControlSecret));
        services.AddSingleton<OwnServerAddress>();

        ReplaceWhenEmbedded(services, d => d.ServiceType == typeof(AlpacaUpstreamAddresses),
            provider => ActivatorUtilities.CreateInstance<SandboxAddresses>(provider));
        ReplaceWhenEmbedded(services, d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(UpstreamAnnouncement),
            provider => ActivatorUtilities.CreateInstance<SandboxAnnouncement>(provider));
        services.PostConfigure<HealthCheckServiceOptions>(options =>
        {
            foreach (var check in options.Registrations.Where(r => r.Name == AlpacaUpstreamHealthCheck.Name))
            {
                var probe = check.Factory;
                check.Factory = provider => IsEmbedded(provider.GetRequiredService<IConfiguration>())
                    ? ActivatorUtilities.CreateInstance<SandboxHealth>(provider)
                    : probe(provider);
            }
        });
        return builder;
    }

    /// <summary>
    /// Serves the simulator in Sandbox mode. Call it before the app's authentication: the simulator's bearer tokens are
    /// Alpaca tokens, not app JWTs. In <c>Alpaca</c> mode nothing is mapped, so <c>/sandbox</c> is 404.
    /// </summary>
    public static WebApplication MapEmbeddedSandbox(this WebApplication app)
    {
        if (!IsEmbedded(app.Configuration))
        {
            return app;
        }

        SandboxAsUpstream.RegisterCallbackWhenStarted(app);
        app.Map(SandboxPaths.Root, sandbox => sandbox.UseAlpacaSandbox());
        return app;
    }

    internal static bool IsEmbedded(IConfiguration configuration) =>
        (configuration.GetSection(AlpacaOptions.Section).Get<AlpacaOptions>()?.Mode ?? AlpacaMode.Sandbox) == AlpacaMode.Sandbox;

    /// <summary>Puts the registration <paramref name="which"/> finds behind a choice made on the final configuration.</summary>
    private static void ReplaceWhenEmbedded(IServiceCollection services, Func<ServiceDescriptor, bool> which, Func<IServiceProvider, object> embedded)
    {
        var configured = services.Single(which);
        services[services.IndexOf(configured)] = ServiceDescriptor.Describe(
            configured.ServiceType,
            provider => IsEmbedded(provider.GetRequiredService<IConfiguration>())
                ? embedded(provider)
                : configured.ImplementationFactory?.Invoke(provider)
                    ?? configured.ImplementationInstance
                    ?? ActivatorUtilities.CreateInstance(provider, configured.ImplementationType!),
            configured.Lifetime);
    }

    /// <summary>
    /// The server's Alpaca client is the simulator's registered OAuth app: it takes the simulator's client id and
    /// (per-process) secret, and its callback is registered with the simulator once the server knows its own address.
    /// Real Alpaca credentials are never needed, nor accepted silently.
    /// </summary>
    private sealed class SandboxAsUpstream(SandboxOAuthClientRegistry registry) : IPostConfigureOptions<AlpacaOptions>
    {
        public void PostConfigure(string? name, AlpacaOptions options)
        {
            if (options.Mode != AlpacaMode.Sandbox)
            {
                return;
            }

            options.ClientId ??= registry.ClientId;
            options.ClientSecret ??= registry.ClientSecret;
        }

        /// <summary>Registers the server's exact callback URI with the simulator (it depends on the port the server got).</summary>
        public static void RegisterCallbackWhenStarted(WebApplication app) =>
            app.Lifetime.ApplicationStarted.Register(() =>
            {
                try
                {
                    var callback = app.Services.GetRequiredService<IAlpacaOAuthClient>().DefaultRedirectUri;
                    app.Services.GetRequiredService<SandboxOAuthClientRegistry>().RegisterRedirectUri(callback.OriginalString);
                }
                catch (InvalidOperationException)
                {
                    // No listening address (an in-memory test server): nothing can call back anyway.
                }
            });
    }

    /// <summary>The simulator's hosts, as paths on this server's own origin.</summary>
    private sealed class SandboxAddresses(OwnServerAddress ownServer, IOptions<AlpacaOptions> options) : AlpacaUpstreamAddresses
    {
        public override Uri Trading(AlpacaEnvironment environment) =>
            Own(SandboxPaths.Trading(environment == AlpacaEnvironment.Paper ? SandboxEnvironment.Paper : SandboxEnvironment.Live));

        public override Uri MarketData => Own(SandboxPaths.MarketData);

        public override Uri TokenEndpoint => Own(SandboxPaths.Token);

        public override Uri AuthorizePage => Own(SandboxPaths.Authorize);

        /// <summary>The configured callback URI, by default this server's own callback endpoint.</summary>
        public override Uri RedirectUri => options.Value.RedirectUri ?? Own(ConnectionsExtensions.CallbackPath);

        private Uri Own(string path) => new(ownServer.Origin.AbsoluteUri.TrimEnd('/') + path);
    }

    /// <summary>Nothing to probe: the upstream is this process. Outside Development an operator must see that this server
    /// does not trade with Alpaca (it was opted into).</summary>
    private sealed class SandboxHealth(IHostEnvironment environment) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            Task.FromResult(HealthCheckResult.Healthy(environment.IsDevelopment()
                ? "The embedded sandbox is the upstream."
                : $"SANDBOX MODE in {environment.EnvironmentName} (Sandbox:AllowOutsideDevelopment): the upstream is the embedded simulator, not Alpaca."));
    }

    /// <summary>The start-up log's first word on the upstream, as <see cref="UpstreamAnnouncement"/> gives it for Alpaca.</summary>
    private sealed class SandboxAnnouncement(IOptions<SandboxOptions> sandbox, IHostEnvironment environment, ILogger<UpstreamAnnouncement> logger)
        : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            if (environment.IsDevelopment())
            {
                LogSandbox(logger);
            }
            else
            {
                var control = string.IsNullOrEmpty(sandbox.Value.ControlSecret) ? "closed (no Sandbox:ControlSecret)" : "behind Sandbox:ControlSecret";
                LogSandboxOutsideDevelopment(logger, environment.EnvironmentName, control);
            }

            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    /// <summary>Outside Development Sandbox mode must be opted into (decision 0016); an unset mode is
    /// <see cref="AlpacaOptionsValidator"/>'s to report.</summary>
    private sealed class OptInOutsideDevelopment(IHostEnvironment environment, IConfiguration configuration) : IValidateOptions<SandboxOptions>
    {
        public ValidateOptionsResult Validate(string? name, SandboxOptions options)
        {
            var sandboxChosen = Enum.TryParse<AlpacaMode>(configuration[AlpacaOptionsValidator.ModeSetting], ignoreCase: true, out var mode)
                && mode == AlpacaMode.Sandbox;
            return sandboxChosen && !environment.IsDevelopment() && !options.AllowOutsideDevelopment
                ? ValidateOptionsResult.Fail($"{SandboxOptions.Section}:{nameof(SandboxOptions.AllowOutsideDevelopment)} must be true to run {AlpacaOptionsValidator.ModeSetting}=Sandbox outside Development (orders would go to the embedded simulator, not to Alpaca); for real trading set {AlpacaOptionsValidator.ModeSetting}=Alpaca.")
                : ValidateOptionsResult.Success;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Alpaca:Mode is Sandbox: the upstream is the embedded simulator under /sandbox on this server.")]
    private static partial void LogSandbox(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alpaca:Mode is Sandbox in {Environment} (Sandbox:AllowOutsideDevelopment): orders go to the embedded simulator under /sandbox on this server, never to Alpaca. Control endpoints: {Control}.")]
    private static partial void LogSandboxOutsideDevelopment(ILogger logger, string environment, string control);
}
