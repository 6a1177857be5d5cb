using System.Collections.Concurrent;

namespace AlpacaConnect.Sandbox.Push;

/// <summary>
/// What the fake providers saw: every delivery per device token, the "device view" (what the phone shows: a delivery
/// with an id or collapse key already on screen replaces that notification, as iOS and Android do), and the
/// credentials' traces (distinct APNs provider tokens, OAuth token requests) that tests count.
/// </summary>
public sealed class PushFakeStore
{
    private readonly Lock _gate = new();
    private readonly List<PushDelivery> _all = [];
    private readonly Dictionary<string, List<PushDelivery>> _screens = [];
    private readonly List<string> _providerTokens = [];
    private readonly ConcurrentDictionary<string, byte> _accessTokens = new();
    private readonly ConcurrentDictionary<string, ExpoReceipt> _receipts = new();
    private int _oauthRequests;
    private int _receiptRequests;

    public void Add(PushDelivery delivery)
    {
        lock (_gate)
        {
            _all.Add(delivery);
            var key = Key(delivery.Provider, delivery.Token);
            if (!_screens.TryGetValue(key, out var screen))
            {
                _screens[key] = screen = [];
            }

            screen.RemoveAll(d => d.Id == delivery.Id || (delivery.CollapseKey is not null && d.CollapseKey == delivery.CollapseKey));
            screen.Add(delivery);
        }
    }

    /// <summary>Every delivery the provider accepted for the token, duplicates included.</summary>
    public IReadOnlyList<PushDelivery> Deliveries(string provider, string token)
    {
        lock (_gate)
        {
            return [.. _all.Where(d => d.Provider == provider && d.Token == token)];
        }
    }

    /// <summary>What the device shows, oldest first.</summary>
    public IReadOnlyList<PushDelivery> DeviceView(string provider, string token)
    {
        lock (_gate)
        {
            return _screens.TryGetValue(Key(provider, token), out var screen) ? [.. screen] : [];
        }
    }

    /// <summary>Every device that got something, with what it shows.</summary>
    public IReadOnlyList<(string Provider, string Token, IReadOnlyList<PushDelivery> Shown)> Devices()
    {
        lock (_gate)
        {
            return [.. _screens.Select(s => (s.Value[0].Provider, s.Value[0].Token, (IReadOnlyList<PushDelivery>)[.. s.Value]))];
        }
    }

    /// <summary>Records an APNs provider token (JWT) seen in a request; returns whether it was new.</summary>
    public bool SawProviderToken(string jwt)
    {
        lock (_gate)
        {
            if (_providerTokens.Contains(jwt))
            {
                return false;
            }

            _providerTokens.Add(jwt);
            return true;
        }
    }

    public int DistinctProviderTokens
    {
        get
        {
            lock (_gate)
            {
                return _providerTokens.Count;
            }
        }
    }

    public string IssueAccessToken()
    {
        Interlocked.Increment(ref _oauthRequests);
        var token = "fake-fcm-" + Guid.NewGuid().ToString("N");
        _accessTokens[token] = 0;
        return token;
    }

    public bool IsAccessToken(string token) => _accessTokens.ContainsKey(token);

    public int OAuthTokenRequests => Volatile.Read(ref _oauthRequests);

    public void AddReceipt(string id, ExpoReceipt receipt) => _receipts[id] = receipt;

    public ExpoReceipt? Receipt(string id)
    {
        Interlocked.Increment(ref _receiptRequests);
        return _receipts.TryGetValue(id, out var receipt) ? receipt : null;
    }

    /// <summary>Receipt ids asked for over all getReceipts calls.</summary>
    public int ReceiptLookups => Volatile.Read(ref _receiptRequests);

    public void Reset()
    {
        lock (_gate)
        {
            _all.Clear();
            _screens.Clear();
            _providerTokens.Clear();
        }

        _accessTokens.Clear();
        _receipts.Clear();
        Interlocked.Exchange(ref _oauthRequests, 0);
        Interlocked.Exchange(ref _receiptRequests, 0);
    }

    private static string Key(string provider, string token) => provider + "\n" + token;
}

/// <summary>An Expo receipt: <c>ok</c>, or <c>error</c> with its <c>details.error</c>.</summary>
public sealed record ExpoReceipt(string Status, string? Error);
