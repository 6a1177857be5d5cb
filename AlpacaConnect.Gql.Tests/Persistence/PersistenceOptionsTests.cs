using AlpacaConnect.Gql.Tests.TestHost;

namespace AlpacaConnect.Gql.Tests.Persistence;

/// <summary>PostgreSQL has no default database: without a usable connection string the server does not start.</summary>
public sealed class PersistenceOptionsTests
{
    [Theory]
    [InlineData(null, "Persistence:ConnectionString is required when Persistence:Provider is Postgres")]
    [InlineData("Data Source=data/secret-value-1.db", "Persistence:ConnectionString is not an Npgsql connection string")]
    [InlineData("Database=app;Password=secret-value-1", "Persistence:ConnectionString names no Host")]
    public void PostgresWithoutAUsableConnectionStringDoesNotStart(string? connectionString, string message)
    {
        using var factory = new ApiFactory()
            .WithSetting("Persistence:Provider", "Postgres")
            .WithSetting("Persistence:ConnectionString", connectionString);

        var error = OptionsFailure.Of(() => factory.CreateClient());

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-value-1", error.Message, StringComparison.Ordinal);
    }
}
