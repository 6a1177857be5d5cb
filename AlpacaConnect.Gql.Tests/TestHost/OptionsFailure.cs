using Microsoft.Extensions.Options;

namespace AlpacaConnect.Gql.Tests.TestHost;

/// <summary>The options validation error that stopped a host from starting.</summary>
public static class OptionsFailure
{
    public static OptionsValidationException Of(Action start)
    {
        var error = Assert.ThrowsAny<Exception>(start);
        for (Exception? current = error; current is not null; current = current.InnerException)
        {
            if (current is OptionsValidationException validation)
            {
                return validation;
            }

            if (current is AggregateException aggregate && aggregate.InnerExceptions.OfType<OptionsValidationException>().FirstOrDefault() is { } inner)
            {
                return inner;
            }
        }

        throw new Xunit.Sdk.XunitException($"No OptionsValidationException in {error}");
    }
}
