using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace AlpacaConnect.Gql.Events;

/// <summary>The Redis bus needs its server; messages name the setting and never repeat its value (it may hold a password).</summary>
internal sealed partial class EventBusOptionsValidator : IValidateOptions<EventBusOptions>
{
    private const string Setting = $"{EventBusOptions.Section}:Redis:ConnectionString";

    public ValidateOptionsResult Validate(string? name, EventBusOptions options)
    {
        if (options.EventBus != EventBusKind.Redis)
        {
            return ValidateOptionsResult.Success;
        }

        if (string.IsNullOrWhiteSpace(options.Redis.ConnectionString))
        {
            return ValidateOptionsResult.Fail(
                $"{Setting} is required when {EventBusOptions.Section}:EventBus is Redis (for example redis:6379,password=..., through the Streaming__Redis__ConnectionString environment variable).");
        }

        try
        {
            if (ConfigurationOptions.Parse(options.Redis.ConnectionString).EndPoints.Count == 0)
            {
                return ValidateOptionsResult.Fail($"{Setting} names no server (host:port).");
            }
        }
        catch (ArgumentException)
        {
            return ValidateOptionsResult.Fail($"{Setting} is not a StackExchange.Redis configuration string (host:port,password=...).");
        }

        return ChannelPrefix().IsMatch(options.Redis.ChannelPrefix)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"{EventBusOptions.Section}:Redis:ChannelPrefix may hold only letters, digits, '.', '_' and '-'.");
    }

    /// <summary>No pattern characters: the bus subscribes to <c>{prefix}:events:*</c>.</summary>
    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$")]
    private static partial Regex ChannelPrefix();
}
