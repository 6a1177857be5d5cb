using AlpacaConnect.Gql.Account;
using AlpacaConnect.Gql.Activities;
using AlpacaConnect.Gql.Alpaca;
using AlpacaConnect.Gql.Connections;
using AlpacaConnect.Gql.Events;
using AlpacaConnect.Gql.GraphQL;
using AlpacaConnect.Gql.GraphQL.Schema;
using AlpacaConnect.Gql.GraphQL.Transport;
using AlpacaConnect.Gql.GraphQL.TrustedDocuments;
using AlpacaConnect.Gql.Guardrails;
using AlpacaConnect.Gql.Halts;
using AlpacaConnect.Gql.Hosting;
using AlpacaConnect.Gql.Identity;
using AlpacaConnect.Gql.Market;
using AlpacaConnect.Gql.Notifications;
using AlpacaConnect.Gql.Observability;
using AlpacaConnect.Gql.Operators;
using AlpacaConnect.Gql.Orders;
using AlpacaConnect.Gql.Orders.Batches;
using AlpacaConnect.Gql.Persistence;
using AlpacaConnect.Gql.Portfolio;
using AlpacaConnect.Gql.Positions;
using AlpacaConnect.Gql.Rollout;
using AlpacaConnect.Gql.Streaming;
using AlpacaConnect.Gql.Trading.Reads;
using AlpacaConnect.Gql.Viewer;
using AlpacaConnect.Gql.Watchlists;

if (DocumentsExport.IsRequested(args))
{
    await DocumentsExport.RunAsync(args);
    return;
}

var builder = WebApplication.CreateSlimBuilder(AppContentRoot.Options(args));
builder.WebHost.UseKestrelHttpsConfiguration();

builder.AddPersistence();
builder.AddAppIdentity();
builder.AddViewer();
builder.AddAlpaca();
builder.AddEvents();
builder.AddStreaming();
builder.AddRollout();
builder.AddTradingHalts();
builder.AddConnections();
builder.AddGuardrails();
builder.AddTradingReads();
builder.AddAccount();
builder.AddPositions();
builder.AddMarket();
builder.AddPortfolio();
builder.AddActivity();
builder.AddWatchlists();
builder.AddOrders();
builder.AddOrderBatches();
builder.AddNotifications();
builder.AddGraphQLApi();
builder.AddObservability();
builder.AddOperatorApi();
builder.AddEmbeddedSandbox();
builder.AddRuntimeCare();

var app = builder.Build();

if (SchemaExport.IsRequested(args))
{
    await SchemaExport.RunAsync(app, args);
    return;
}

if (!app.ConfigurationIsValid())
{
    return;
}

app.UseBrowserOrigins();
app.MapEmbeddedSandbox();
app.UseAppIdentity();
app.MapDevHome();
app.MapObservability();
app.MapDevTokens();
app.MapConnections();
app.MapGraphQL();
app.MapOperatorApi();

await app.MigrateDatabaseAsync();
await app.RunAsync();

/// <summary>Visible to the test host (<c>WebApplicationFactory&lt;Program&gt;</c>).</summary>
public partial class Program;
