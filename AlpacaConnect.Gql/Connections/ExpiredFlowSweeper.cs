using AlpacaConnect.Gql.Observability;
using AlpacaConnect.Gql.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AlpacaConnect.Gql.Connections;

/// <summary>Deletes expired OAuth states and unclaimed pending connections (and so their tokens) every minute.</summary>
internal sealed partial class ExpiredFlowSweeper(
    IDbContextFactory<AppDbContext> databases,
    TimeProvider time,
    AppMetrics metrics,
    ILogger<ExpiredFlowSweeper> logger) : BackgroundService
{
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var states = await db.Set<OAuthState>().Where(s => s.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken);
        var pending = await db.Set<PendingConnection>().Where(p => p.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken);
        // Each flow has either a state (before the callback) or a pending row (after it), so none is counted twice.
        metrics.ConnectFailed("EXPIRED", states + pending);
        return states + pending;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1), time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogSweepFailed(logger, e);
            }
        }
    }

    [LoggerMessage(EventId = 2200, Level = LogLevel.Warning, Message = "Sweeping expired connect flows failed")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}
