using System.Reflection;
using Microsoft.Extensions.Options;

namespace AlpacaConnect.Gql.Hosting;

/// <summary>
/// Checks every validated setting before anything is served or migrated. A configuration error ends the process with
/// one line per broken setting on standard error and exit code 1, instead of the host's start-up failure with its stack
/// traces, which buries the one sentence an operator needs.
/// </summary>
internal static class ConfigurationErrors
{
    /// <summary>
    /// False (and <see cref="Environment.ExitCode"/> 1) when a setting is missing or invalid. When the server is hosted
    /// by another program (the test host) the error is thrown to it instead, as the host's start would have.
    /// </summary>
    public static bool ConfigurationIsValid(this WebApplication app)
    {
        try
        {
            // What ValidateOnStart registered: the same checks the host runs when it starts, run early.
            app.Services.GetService<IStartupValidator>()?.Validate();
            return true;
        }
        catch (Exception error) when (OwnsTheProcess && Describe(error) is { Count: > 0 } problems)
        {
            foreach (var problem in problems)
            {
                Console.Error.WriteLine($"Configuration error: {problem}");
            }

            Environment.ExitCode = 1;
            return false;
        }
    }

    private static bool OwnsTheProcess => Assembly.GetEntryAssembly() == typeof(ConfigurationErrors).Assembly;

    private static List<string> Describe(Exception error) => error switch
    {
        OptionsValidationException validation => [.. validation.Failures],
        AggregateException aggregate => [.. aggregate.InnerExceptions.SelectMany(Describe)],
        // A value of the wrong type ("Failed to convert configuration value at 'Alpaca:Mode' ..."): the message names it.
        InvalidOperationException { TargetSite.DeclaringType: var type } when type == typeof(ConfigurationBinder) => [error.Message],
        _ => [],
    };
}
