using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;

namespace AlpacaConnect.Gql.Observability.Logging;

/// <summary>
/// Secrets the redaction layer masks wherever they appear, even where no pattern gives them away (an Alpaca token is a
/// bare UUID). Runtime secrets (tokens, codes) are kept only as hashes, so this set does not become a second copy of
/// every token in memory; configured secrets (the client secret) are in configuration anyway and are matched verbatim.
/// </summary>
internal sealed class KnownSecrets
{
    /// <summary>Shorter values are not secrets worth the name, and masking them would mask ordinary words.</summary>
    public const int MinimumLength = 16;

    /// <summary>Oldest hashes are forgotten first; a token still in use is added again on its next use.</summary>
    private const int Capacity = 100_000;

    private readonly ConcurrentDictionary<UInt128, byte> _hashes = new();
    private readonly ConcurrentQueue<UInt128> _order = new();
    private ImmutableArray<string> _configured = [];

    public ImmutableArray<string> Configured => _configured;

    /// <summary>A high-entropy secret seen at run time (an OAuth token, an authorization or completion code, a state).</summary>
    public void Add(string? secret)
    {
        if (secret is not { Length: >= MinimumLength })
        {
            return;
        }

        var hash = Hash(secret);
        if (!_hashes.TryAdd(hash, 0))
        {
            return;
        }

        _order.Enqueue(hash);
        while (_hashes.Count > Capacity && _order.TryDequeue(out var oldest))
        {
            _hashes.TryRemove(oldest, out _);
        }
    }

    /// <summary>A secret from configuration, masked verbatim whatever its characters.</summary>
    public void AddConfigured(string? secret)
    {
        if (secret is { Length: >= 8 })
        {
            ImmutableInterlocked.Update(ref _configured, list => list.Contains(secret) ? list : list.Add(secret));
        }
    }

    public bool Contains(ReadOnlySpan<char> candidate) =>
        candidate.Length >= MinimumLength && !_hashes.IsEmpty && _hashes.ContainsKey(Hash(candidate));

    private static UInt128 Hash(ReadOnlySpan<char> value)
    {
        Span<byte> utf8 = stackalloc byte[Encoding.UTF8.GetMaxByteCount(Math.Min(value.Length, 512))];
        var length = Encoding.UTF8.GetBytes(value.Length > 512 ? value[..512] : value, utf8);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(utf8[..length], hash);
        return BinaryPrimitives.ReadUInt128LittleEndian(hash);
    }
}
