namespace AlpacaConnect.Gql.Observability.Logging;

/// <summary>
/// Redacts one entry's message, its structured values, its exception and its scopes. An entry with nothing to mask is
/// passed on untouched; a masked one is counted by category (<c>alpaca_connect.log.redactions</c>), so a leak shows.
/// </summary>
internal sealed class RedactingLogger(ILogger inner, string category, SecretRedactor redactor, AppMetrics metrics) : ILogger
{
    public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull
    {
        var values = state as IReadOnlyList<KeyValuePair<string, object?>>;
        var text = state.ToString() ?? "";
        var safeText = redactor.Redact(text);
        var safeValues = RedactedLogState.RedactValues(values, redactor);
        if (ReferenceEquals(safeText, text) && safeValues is null)
        {
            return inner.BeginScope(state);
        }

        metrics.LogRedacted(category);
        return inner.BeginScope(new RedactedLogState(safeText, safeValues ?? values ?? []));
    }

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!inner.IsEnabled(logLevel))
        {
            return;
        }

        var values = state as IReadOnlyList<KeyValuePair<string, object?>>;
        var message = formatter(state, exception);
        var safeMessage = redactor.Redact(message);
        var safeValues = RedactedLogState.RedactValues(values, redactor);
        var safeException = RedactedException.From(exception, redactor);
        if (ReferenceEquals(safeMessage, message) && safeValues is null && ReferenceEquals(safeException, exception))
        {
            inner.Log(logLevel, eventId, state, exception, formatter);
            return;
        }

        metrics.LogRedacted(category);
        inner.Log(logLevel, eventId, new RedactedLogState(safeMessage, safeValues ?? values ?? []), safeException, RedactedLogState.Format);
    }
}
