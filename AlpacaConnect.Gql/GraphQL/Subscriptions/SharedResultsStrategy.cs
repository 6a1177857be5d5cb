using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using AlpacaConnect.Gql.Identity;
using AlpacaConnect.Gql.Observability;
using GraphQL;
using GraphQL.Execution;
using ExecutionContext = GraphQL.Execution.ExecutionContext;

namespace AlpacaConnect.Gql.GraphQL.Subscriptions;

/// <summary>
/// Executes a subscription event once for all subscribers that would get the same answer: the same source event
/// instance (<see cref="ISharedSourceEvent"/>), document, operation, variables and user. The first of them executes
/// and serializes; the others take its <see cref="SerializedExecutionResult"/>. A result with errors is never
/// shared: each subscriber then executes its own, as without sharing.
/// </summary>
/// <remarks>
/// Results are kept per event instance in a weak table, so they live exactly as long as the event is still being
/// delivered to someone. The user is part of the key although shared events are already per user: a result must
/// never cross users, whatever a future event source does.
/// </remarks>
internal sealed class SharedResultsStrategy(IGraphQLTextSerializer serializer, AppMetrics metrics) : SubscriptionExecutionStrategy
{
    private const string SharingKeyName = "AlpacaConnect.SharedResultKey";
    private readonly ConditionalWeakTable<object, ConcurrentDictionary<string, Task<ExecutionResult>>> _results = [];

    protected override async ValueTask<ExecutionResult> ProcessDataAsync(ExecutionContext context, ExecutionNode node, object? value)
    {
        if (value is not ISharedSourceEvent || SharingKey(context) is not { } key)
        {
            metrics.SubscriptionResult(shared: false);
            return await base.ProcessDataAsync(context, node, value);
        }

        var byKey = _results.GetValue(value, static _ => new());
        var ours = new TaskCompletionSource<ExecutionResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        var shared = byKey.GetOrAdd(key, ours.Task);
        if (shared != ours.Task)
        {
            if (await shared is SerializedExecutionResult serialized)
            {
                metrics.SubscriptionResult(shared: true);
                return serialized;
            }

            metrics.SubscriptionResult(shared: false);
            return await base.ProcessDataAsync(context, node, value);
        }

        metrics.SubscriptionResult(shared: false);
        ExecutionResult result = new() { Executed = false };
        try
        {
            result = await base.ProcessDataAsync(context, node, value);
            if (result.Executed && result.Errors is not { Count: > 0 })
            {
                result = new SerializedExecutionResult(result, serializer.Serialize(result));
            }
        }
        finally
        {
            ours.SetResult(result);
            if (result is not SerializedExecutionResult)
            {
                byKey.TryRemove(key, out _);
            }
        }

        return result;
    }

    /// <summary>What must match for two subscriptions to share a result, hashed once per subscription; null for an anonymous caller.</summary>
    private string? SharingKey(ExecutionContext context)
    {
        // The event's context copies the subscription's user context, which lives as long as the subscription.
        if (context.UserContext.TryGetValue(SharingKeyName, out var known))
        {
            return (string?)known;
        }

        string? key = null;
        if (AppUser.IdOf(context.User) is { } userId)
        {
            var variables = context.Variables.ToDictionary(v => v.Name, v => v.Value);
            var material = string.Join('\n', userId, context.Operation.Name?.StringValue ?? "", serializer.Serialize(variables), context.Document.Source.ToString());
            key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(material)));
        }

        context.UserContext[SharingKeyName] = key;
        return key;
    }
}
