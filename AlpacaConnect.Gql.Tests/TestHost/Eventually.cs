namespace AlpacaConnect.Gql.Tests.TestHost;

/// <summary>
/// Waits for a condition that background work makes true (a stream opening, a worker ending). The limit only keeps a
/// broken build from hanging; no test asserts how long anything took.
/// </summary>
public static class Eventually
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(60);

    public static async Task HoldsAsync(Func<bool> condition, string what)
    {
        using var guard = new CancellationTokenSource(HangGuard);
        while (!condition())
        {
            try
            {
                await Task.Delay(10, guard.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Never happened: {what}");
            }
        }
    }

    /// <summary>The same for a condition that must be read asynchronously (e.g. through GraphQL).</summary>
    public static async Task HoldsAsync(Func<Task<bool>> condition, Func<string> what)
    {
        using var guard = new CancellationTokenSource(HangGuard);
        while (!await condition())
        {
            try
            {
                await Task.Delay(10, guard.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Never happened: {what()}");
            }
        }
    }
}
