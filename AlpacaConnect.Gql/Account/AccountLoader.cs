using AlpacaConnect.Gql.Alpaca;
using AlpacaConnect.Gql.Alpaca.Models;
using AlpacaConnect.Gql.Trading.Reads;
using Microsoft.Extensions.Options;

namespace AlpacaConnect.Gql.Account;

/// <summary><c>GET /v2/account</c>, once per request and reused for <see cref="ReadCacheOptions.AccountTtl"/>.</summary>
internal sealed class AccountLoader(IAlpacaClientFactory clients, ConnectionReadCache cache, IOptions<ReadCacheOptions> options)
    : ConnectionReadLoader<AlpacaAccount>(clients, cache, ReadKinds.Account)
{
    protected override TimeSpan Ttl => options.Value.AccountTtl;

    protected override Task<AlpacaAccount> ReadAsync(IAlpacaTradingClient client) => client.GetAccountAsync();
}
