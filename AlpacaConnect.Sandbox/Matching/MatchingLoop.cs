using Microsoft.Extensions.Options;

namespace AlpacaConnect.Sandbox.Matching;

/// <summary>
/// Drives the engine on the injected <see cref="TimeProvider"/> (a FakeTimeProvider advances it in tests),
/// after every price move, and walks prices when <c>Sandbox:Market:RandomWalkInterval</c> is set.
/// </summary>
internal sealed class MatchingLoop(
    MatchingEngine engine, PriceFeed prices, AssetCatalog assets, TimeProvider time, IOptions<SandboxOptions> options, SandboxMount mount)
    : IHostedService, IDisposable
{
    private readonly Lock _passing = new();
    private ITimer? _passTimer;
    private ITimer? _walkTimer;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!mount.Mounted)
        {
            return Task.CompletedTask;
        }

        var market = options.Value.Market;
        prices.PriceChanged += Pass;
        _passTimer = time.CreateTimer(_ => Pass(), null, market.PassInterval, market.PassInterval);
        if (market.RandomWalkInterval is { } walk)
        {
            _walkTimer = time.CreateTimer(_ => prices.Tick(assets.All), null, walk, walk);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        prices.PriceChanged -= Pass;
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _passTimer?.Dispose();
        _walkTimer?.Dispose();
    }

    private void Pass()
    {
        // A slow pass must not pile up timer callbacks; the next tick catches up.
        if (_passing.TryEnter())
        {
            try
            {
                engine.RunPass();
            }
            finally
            {
                _passing.Exit();
            }
        }
    }
}
