using AlpacaConnect.Gql.GraphQL.Schema;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace AlpacaConnect.Gql.Tests.TestHost;

/// <summary>
/// Test-only root fields that make engine behaviour observable: resolver calls are counted, one field
/// throws, one waits for cancellation. Added to a host with <see cref="AddProbe"/>.
/// </summary>
public sealed class ProbeQueries(ProbeRecorder recorder) : IQueryFields
{
    public void AddFieldsTo(ObjectGraphType root)
    {
        root.Field<ProbeGraphType>("probe").Resolve(_ => recorder.Hit());
        root.Field<StringGraphType>("boom").Resolve(_ => throw new InvalidOperationException("secret internal detail"));
        root.Field<StringGraphType>("slow").ResolveAsync(async context =>
        {
            recorder.SlowStarted.TrySetResult();
            await Task.Delay(Timeout.Infinite, context.CancellationToken);
            return "never";
        });
        root.Field<IntGraphType>("gated").ResolveAsync(async context =>
        {
            Interlocked.Increment(ref recorder.GatedStarted);
            await recorder.Gate.Task.WaitAsync(context.CancellationToken);
            return Interlocked.Increment(ref recorder.GatedFinished);
        });
        root.Field<IntGraphType>("gatedFinished").Resolve(_ => Volatile.Read(ref recorder.GatedFinished));
    }

    public static void AddProbe(IServiceCollection services)
    {
        services.AddSingleton<ProbeRecorder>();
        services.AddTransient<ProbeGraphType>();
        services.AddQueryFields<ProbeQueries>();
    }
}

public sealed class ProbeRecorder
{
    private int _hits;

    public int Hits => Volatile.Read(ref _hits);

    public TaskCompletionSource SlowStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Holds every <c>gated</c> field until set; they count how many started and finished.</summary>
    public TaskCompletionSource Gate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

#pragma warning disable CA1051 // counted with Interlocked, so fields
    public int GatedStarted;
    public int GatedFinished;
#pragma warning restore CA1051

    public object Hit()
    {
        Interlocked.Increment(ref _hits);
        return new object();
    }
}

public sealed class ProbeGraphType : ObjectGraphType
{
    public ProbeGraphType()
    {
        Name = "Probe";
        Field<ProbeGraphType>("child").Resolve(context => context.RequestServices!.GetRequiredService<ProbeRecorder>().Hit());
        Field<ListGraphType<ProbeGraphType>>("children").Resolve(context =>
        {
            var recorder = context.RequestServices!.GetRequiredService<ProbeRecorder>();
            return Enumerable.Range(0, 3).Select(_ => recorder.Hit()).ToList();
        });
        Field<IntGraphType>("hits").Resolve(context => context.RequestServices!.GetRequiredService<ProbeRecorder>().Hits);
    }
}
