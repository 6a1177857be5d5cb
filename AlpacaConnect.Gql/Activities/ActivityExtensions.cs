using AlpacaConnect.Gql.GraphQL.Schema;
using GraphQL.DI;
using GraphQL.Types;

namespace AlpacaConnect.Gql.Activities;

internal static class ActivityExtensions
{
    /// <summary>The <c>activities</c> query (needs <c>AddTradingReads()</c>).</summary>
    public static WebApplicationBuilder AddActivity(this WebApplicationBuilder builder)
    {
        builder.Services.AddQueryFields<ActivityQueries>();
        builder.Services.AddSingleton<IConfigureSchema, ActivityImplementations>();
        return builder;
    }

    /// <summary>No field names the object types behind <c>Activity</c>, so the schema is told of them.</summary>
    private sealed class ActivityImplementations : IConfigureSchema
    {
        public void Configure(ISchema schema, IServiceProvider serviceProvider)
        {
            schema.RegisterType(serviceProvider.GetRequiredService<FillActivityGraphType>());
            schema.RegisterType(serviceProvider.GetRequiredService<CashActivityGraphType>());
        }
    }
}
