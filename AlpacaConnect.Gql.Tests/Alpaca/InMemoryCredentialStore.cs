using System.Collections.Concurrent;
using AlpacaConnect.Gql.Alpaca;
using AlpacaConnect.Gql.Alpaca.Models;

namespace AlpacaConnect.Gql.Tests.Alpaca;

/// <summary>The Connections feature's credential store, in memory, counting what the token handler asks of it.</summary>
internal sealed class InMemoryCredentialStore : IAlpacaCredentialStore
{
    private readonly ConcurrentDictionary<Guid, AlpacaCredential> _credentials = new();
    private readonly ConcurrentDictionary<Guid, bool> _reauthRequired = new();
    private int _saves;
    private int _transitions;
    private int _markCalls;

    public int Saves => _saves;

    /// <summary>Calls of <see cref="MarkReauthRequiredAsync"/> that changed the connection's state.</summary>
    public int ReauthTransitions => _transitions;

    public int MarkCalls => _markCalls;

    public AlpacaTokenSet? LastSaved { get; private set; }

    public void Put(Guid connectionId, AlpacaCredential credential)
    {
        _credentials[connectionId] = credential;
        _reauthRequired.TryRemove(connectionId, out _);
    }

    public bool IsReauthRequired(Guid connectionId) => _reauthRequired.ContainsKey(connectionId);

    public Task<AlpacaCredential?> GetAsync(Guid connectionId, CancellationToken cancellationToken) =>
        Task.FromResult(!IsReauthRequired(connectionId) && _credentials.TryGetValue(connectionId, out var credential) ? credential : null);

    public Task SaveRefreshedAsync(Guid connectionId, AlpacaTokenSet tokens, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _saves);
        LastSaved = tokens;
        _credentials[connectionId] = new AlpacaCredential(tokens.AccessToken, tokens.RefreshToken, tokens.ExpiresAt);
        return Task.CompletedTask;
    }

    /// <summary>One process: the provider's own single flight is the whole story.</summary>
    public Task<IAsyncDisposable> HoldRefreshAsync(Guid connectionId, CancellationToken cancellationToken) =>
        Task.FromResult<IAsyncDisposable>(new Released());

    public Task<bool> MarkReauthRequiredAsync(Guid connectionId, string refusedAccessToken, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _markCalls);
        var holdsRefusedToken = _credentials.TryGetValue(connectionId, out var current) && current.AccessToken == refusedAccessToken;
        var transitioned = holdsRefusedToken && _reauthRequired.TryAdd(connectionId, true);
        if (transitioned)
        {
            Interlocked.Increment(ref _transitions);
        }

        return Task.FromResult(transitioned);
    }

    private sealed class Released : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
