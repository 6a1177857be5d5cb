namespace AlpacaConnect.Gql.Observability.Logging;

/// <summary>
/// Stands in for a logged exception whose text held a secret: providers print <see cref="ToString"/>, which is the
/// original's text (type, message, inner exceptions, stack) with the secret masked.
/// </summary>
internal sealed class RedactedException : Exception
{
    private readonly string _text;

    private RedactedException(string message, string text)
        : base(message) => _text = text;

    /// <summary>The exception itself when its text holds no secret.</summary>
    public static Exception? From(Exception? exception, SecretRedactor redactor)
    {
        if (exception is null)
        {
            return null;
        }

        var text = exception.ToString();
        var safe = redactor.Redact(text);
        return ReferenceEquals(safe, text) ? exception : new RedactedException(redactor.Redact(exception.Message), safe);
    }

    public override string ToString() => _text;
}
