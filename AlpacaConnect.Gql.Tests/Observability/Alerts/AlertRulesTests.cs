namespace AlpacaConnect.Gql.Tests.Observability.Alerts;

/// <summary>The committed alert rules pass <c>promtool</c>'s checks and unit tests, and the tests notice a moved threshold.</summary>
public sealed class AlertRulesTests : IDisposable
{
    private readonly string _copy = Path.Combine(Path.GetTempPath(), $"alpaca-connect-rules-{Guid.NewGuid():N}");

    [Fact]
    public async Task TheRulesAreValidAndPassTheirUnitTests()
    {
        var (checkExit, checkOutput) = await Promtool.RunAsync(Promtool.RulesFolder, "check", "rules", "alerts.yml");
        Assert.True(checkExit == 0, checkOutput);

        var (testExit, testOutput) = await Promtool.RunAsync(Promtool.RulesFolder, "test", "rules", "alerts.test.yml");
        Assert.True(testExit == 0, testOutput);
        Assert.Contains("SUCCESS", testOutput, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(" < 0.80", " < 0.78")] // OAuth completion
    [InlineData(" < 0.99", " < 0.98")] // token refresh success
    [InlineData(" < 0.95", " < 0.93")] // order placement success
    [InlineData(" > 0.01", " > 0.02")] // upstream error rate
    [InlineData(" > 120", " > 150")] // connection time
    [InlineData(" < 20", " < 19")] // rate-limit headroom
    [InlineData(" > 900", " > 901")] // stuck orders
    public async Task MovingAThresholdFailsTheUnitTests(string threshold, string moved)
    {
        Directory.CreateDirectory(_copy);
        File.Copy(Path.Combine(Promtool.RulesFolder, "alerts.test.yml"), Path.Combine(_copy, "alerts.test.yml"));
        var rules = await File.ReadAllTextAsync(Path.Combine(Promtool.RulesFolder, "alerts.yml"));
        Assert.Contains(threshold, rules, StringComparison.Ordinal);
        await File.WriteAllTextAsync(Path.Combine(_copy, "alerts.yml"), rules.Replace(threshold, moved, StringComparison.Ordinal));

        var (exit, output) = await Promtool.RunAsync(_copy, "test", "rules", "alerts.test.yml");

        Assert.NotEqual(0, exit);
        Assert.Contains("FAILED", output, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(_copy))
        {
            Directory.Delete(_copy, recursive: true);
        }
    }
}
