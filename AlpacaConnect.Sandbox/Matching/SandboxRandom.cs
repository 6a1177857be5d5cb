namespace AlpacaConnect.Sandbox.Matching;

/// <summary>
/// The one seeded source of randomness (order ids, price walk, partial fills, fault decisions), so the same
/// seed and the same calls give the same outcome. Secrets (tokens, codes) never come from here.
/// </summary>
public sealed class SandboxRandom(int seed)
{
    private readonly Lock _sync = new();
    private Random _random = new(seed);

    public void Reseed()
    {
        lock (_sync)
        {
            _random = new Random(seed);
        }
    }

    public double NextDouble()
    {
        lock (_sync)
        {
            return _random.NextDouble();
        }
    }

    /// <summary>A version-4 UUID from the seeded stream.</summary>
    public Guid NextUuid()
    {
        Span<byte> bytes = stackalloc byte[16];
        lock (_sync)
        {
            _random.NextBytes(bytes);
        }

        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }

    /// <summary>A ULID (time-ordered, Crockford base32), the shape of Alpaca's <c>event_id</c>.</summary>
    public string NextUlid(DateTimeOffset at)
    {
        const string alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
        Span<byte> entropy = stackalloc byte[10];
        lock (_sync)
        {
            _random.NextBytes(entropy);
        }

        var chars = new char[26];
        var time = (ulong)at.ToUnixTimeMilliseconds();
        for (var i = 9; i >= 0; i--)
        {
            chars[i] = alphabet[(int)(time & 31)];
            time >>= 5;
        }

        var bits = new System.Numerics.BigInteger(entropy, isUnsigned: true, isBigEndian: true);
        for (var i = 25; i >= 10; i--)
        {
            chars[i] = alphabet[(int)(bits & 31)];
            bits >>= 5;
        }

        return new string(chars);
    }
}
