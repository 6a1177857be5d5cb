using Microsoft.Extensions.Options;
using Npgsql;

namespace AlpacaConnect.Gql.Persistence;

/// <summary>
/// PostgreSQL has no sensible default database, so it needs its connection string; a bad one stops the server at
/// start-up. Messages name the setting and never repeat its value (it may hold a password).
/// </summary>
internal sealed class PersistenceOptionsValidator : IValidateOptions<PersistenceOptions>
{
    private const string Setting = $"{PersistenceOptions.Section}:ConnectionString";

    public ValidateOptionsResult Validate(string? name, PersistenceOptions options)
    {
        if (options.Provider != DatabaseProvider.Postgres)
        {
            return ValidateOptionsResult.Success;
        }

        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return ValidateOptionsResult.Fail(
                $"{Setting} is required when {PersistenceOptions.Section}:Provider is Postgres (for example Host=db;Database=alpaca_connect;Username=app;Password=..., through the Persistence__ConnectionString environment variable).");
        }

        try
        {
            return string.IsNullOrEmpty(new NpgsqlConnectionStringBuilder(options.ConnectionString).Host)
                ? ValidateOptionsResult.Fail($"{Setting} names no Host.")
                : ValidateOptionsResult.Success;
        }
        catch (ArgumentException)
        {
            return ValidateOptionsResult.Fail($"{Setting} is not an Npgsql connection string (Host=...;Database=...;Username=...;Password=...).");
        }
    }
}
