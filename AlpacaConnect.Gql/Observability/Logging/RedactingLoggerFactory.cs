namespace AlpacaConnect.Gql.Observability.Logging;

/// <summary>
/// Wraps the host's logger factory, so every provider (console, a test's capture, any added later) receives log entries
/// only after <see cref="SecretRedactor"/> has masked them.
/// </summary>
internal sealed class RedactingLoggerFactory(ILoggerFactory inner, SecretRedactor redactor, AppMetrics metrics) : ILoggerFactory
{
    public ILogger CreateLogger(string categoryName) => new RedactingLogger(inner.CreateLogger(categoryName), categoryName, redactor, metrics);

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    public void Dispose() => inner.Dispose();
}
