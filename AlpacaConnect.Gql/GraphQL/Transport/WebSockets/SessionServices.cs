using AlpacaConnect.Gql.GraphQL.Limits;
using AlpacaConnect.Gql.GraphQL.TrustedDocuments;
using AlpacaConnect.Gql.Observability;
using Microsoft.Extensions.Options;

namespace AlpacaConnect.Gql.GraphQL.Transport.WebSockets;

/// <summary>The singletons every socket session uses, gathered so a session is created with one argument.</summary>
internal sealed record SessionServices(
    IOptions<GraphQLWebSocketOptions> Options,
    ConnectionInitAuthenticator Authenticator,
    GraphQLHttpRequestReader RequestReader,
    DocumentResolver Documents,
    OperationExecutor Executor,
    UserSubscriptionQuota UserQuota,
    SocketAdmission Admission,
    RequestRateLimiter Rates,
    IServiceScopeFactory ScopeFactory,
    TimeProvider Time,
    ILoggerFactory LoggerFactory,
    AppMetrics Metrics);
