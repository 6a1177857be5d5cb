using AlpacaConnect.Gql.Alpaca.Models;

namespace AlpacaConnect.Gql.Market;

/// <summary>
/// One environment's active assets, indexed for a ticker search box (Alpaca has no text search, facts-more 3.1): a
/// sorted symbol array and a sorted array of (name word, asset) pairs, each searched by binary search for a prefix.
/// Ranked: the exact symbol, then symbols starting with the query (shorter first), then assets with a name word starting
/// with it (by symbol). Crypto pairs match with or without the slash (<c>BTCUSD</c> finds <c>BTC/USD</c>).
/// </summary>
internal sealed class AssetSearchIndex
{
    private static readonly char[] WordBreaks = [' ', ',', '.', '-', '/', '(', ')', '&', '\'', '"'];

    private readonly AlpacaAsset[] _bySymbol;
    private readonly string[] _symbolKeys;
    private readonly (string Word, int Asset)[] _words;

    public AssetSearchIndex(IEnumerable<AlpacaAsset> assets, DateTimeOffset loadedAt)
    {
        LoadedAt = loadedAt;
        _bySymbol = [.. assets.DistinctBy(a => a.Symbol).OrderBy(a => Key(a.Symbol), StringComparer.Ordinal)];
        _symbolKeys = [.. _bySymbol.Select(a => Key(a.Symbol))];
        _words = [.. _bySymbol
            .SelectMany((asset, i) => (asset.Name ?? "").ToUpperInvariant().Split(WordBreaks, StringSplitOptions.RemoveEmptyEntries)
                .Distinct(StringComparer.Ordinal).Select(word => (word, i)))
            .OrderBy(w => w.word, StringComparer.Ordinal).ThenBy(w => w.i)];
    }

    public DateTimeOffset LoadedAt { get; }

    /// <summary>Every match in rank order.</summary>
    public IReadOnlyList<AlpacaAsset> Search(string query)
    {
        var symbol = Key(query.Trim().ToUpperInvariant());
        var word = query.Trim().ToUpperInvariant();
        var ranked = new List<int>();
        var seen = new HashSet<int>();

        var (from, to) = PrefixRange(_symbolKeys, k => k, symbol);
        var prefixed = Enumerable.Range(from, to - from).OrderBy(i => _symbolKeys[i] == symbol ? 0 : 1).ThenBy(i => _symbolKeys[i].Length).ThenBy(i => i);
        foreach (var i in prefixed)
        {
            if (seen.Add(i))
            {
                ranked.Add(i);
            }
        }

        var (wordFrom, wordTo) = PrefixRange(_words, w => w.Word, word);
        foreach (var i in _words[wordFrom..wordTo].Select(w => w.Asset).Distinct().Order())
        {
            if (seen.Add(i))
            {
                ranked.Add(i);
            }
        }

        return ranked.Select(i => _bySymbol[i]).ToList();
    }

    /// <summary>Symbols compare without the crypto slash, so BTCUSD (how positions name it) finds BTC/USD.</summary>
    private static string Key(string symbol) => symbol.Replace("/", "", StringComparison.Ordinal);

    /// <summary>The index range of the sorted <paramref name="items"/> whose key starts with <paramref name="prefix"/>.</summary>
    private static (int From, int To) PrefixRange<T>(T[] items, Func<T, string> key, string prefix)
    {
        if (prefix.Length == 0)
        {
            return (0, 0);
        }

        var from = LowerBound(items, key, prefix);
        var to = from;
        while (to < items.Length && key(items[to]).StartsWith(prefix, StringComparison.Ordinal))
        {
            to++;
        }

        return (from, to);
    }

    private static int LowerBound<T>(T[] items, Func<T, string> key, string value)
    {
        int low = 0, high = items.Length;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (string.CompareOrdinal(key(items[middle]), value) < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }
}
