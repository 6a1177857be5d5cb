using AlpacaConnect.Gql.GraphQL.Authorization;
using AlpacaConnect.Gql.GraphQL.Schema;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace AlpacaConnect.Gql.Tests.TestHost;

/// <summary>
/// Test-only subscription root fields (the production schema has none yet): a finite <c>ticks</c> stream,
/// an <c>events</c> stream the test pushes into, a stream that reports its DI scope, and one that needs a
/// signed-in user. Added to a host with <see cref="AddProbe"/>.
/// </summary>
public sealed class ProbeSubscriptions(ProbeStreams streams) : ISubscriptionFields
{
    public void AddFieldsTo(ObjectGraphType root)
    {
        root.Field<NonNullGraphType<IntGraphType>, int>("ticks")
            .Argument<NonNullGraphType<IntGraphType>>("count")
            .ResolveStream(context => new AsyncEnumerableObservable<int>(token => Ticks(context.GetArgument<int>("count"), token)));

        root.Field<NonNullGraphType<StringGraphType>, string>("events")
            .ResolveStream(_ => streams.Events);

        root.Field<NonNullGraphType<StringGraphType>, string>("scopeOfEvents")
            .Resolve(context => context.RequestServices!.GetRequiredService<ScopedProbe>().Id)
            .ResolveStream(_ => streams.Events);

        root.Field<NonNullGraphType<StringGraphType>, string>("myEvents")
            .RequireAuthentication()
            .Resolve(context => $"{context.User!.FindFirst("sub")!.Value}: {context.Source}")
            .ResolveStream(_ => streams.Events);
    }

    public static void AddProbe(IServiceCollection services)
    {
        services.AddSingleton<ProbeStreams>();
        services.AddScoped<ScopedProbe>();
        services.AddSubscriptionFields<ProbeSubscriptions>();
    }

    private static async IAsyncEnumerable<int> Ticks(int count, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken token)
    {
        for (var i = 1; i <= count; i++)
        {
            await Task.Yield();
            token.ThrowIfCancellationRequested();
            yield return i;
        }
    }
}

public sealed class ProbeStreams
{
    public ProbeSubject<string> Events { get; } = new();

    /// <summary>Every <see cref="ScopedProbe"/> the server created, in creation order.</summary>
    public List<ScopedProbe> Scopes { get; } = [];
}

/// <summary>A scoped service that tells which DI scope resolved it and whether that scope has ended.</summary>
public sealed class ScopedProbe : IDisposable
{
    public ScopedProbe(ProbeStreams streams)
    {
        lock (streams.Scopes)
        {
            streams.Scopes.Add(this);
        }
    }

    public string Id { get; } = Guid.NewGuid().ToString("N");

    public TaskCompletionSource Disposed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Dispose() => Disposed.TrySetResult();
}
