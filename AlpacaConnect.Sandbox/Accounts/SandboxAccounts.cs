using System.Globalization;
using Microsoft.Extensions.Options;

namespace AlpacaConnect.Sandbox.Accounts;

/// <summary>
/// The seeded users (alice, bob, carol, then <c>Sandbox:GeneratedUsers</c> more named <c>user-0001</c>, …) and their
/// accounts. Ids derive from the seed, so they are stable across runs; generated users draw after the named ones, so
/// adding them never changes alice's ids.
/// </summary>
public sealed class SandboxAccounts
{
    private static readonly (string Id, string Name, string Paper, string Live)[] Seeds =
    [
        ("alice", "Alice Sandbox", "PA3ALICE0001", "593100001"),
        ("bob", "Bob Sandbox", "PA3BOB000002", "593100002"),
        ("carol", "Carol Sandbox", "PA3CAROL0003", "593100003"),
    ];

    private readonly Dictionary<Guid, SandboxAccount> _byId = [];
    private readonly Dictionary<string, SandboxUser> _users = new(StringComparer.Ordinal);
    private readonly decimal _startingCash;

    public SandboxAccounts(IOptions<SandboxOptions> options)
    {
        // A stream apart from SandboxRandom, so account ids never coincide with order ids.
        var ids = new Random(unchecked(options.Value.Seed * 7919 + 17));
        _startingCash = options.Value.StartingCash;
        var openedAt = new DateTimeOffset(2024, 1, 2, 14, 30, 0, TimeSpan.Zero);
        Users = Seeds.Concat(Generated(options.Value.GeneratedUsers)).Select(seed =>
        {
            var paper = new SandboxAccount(NextGuid(ids), seed.Paper, SandboxEnvironment.Paper, seed.Id, openedAt);
            var live = new SandboxAccount(NextGuid(ids), seed.Live, SandboxEnvironment.Live, seed.Id, openedAt);
            return new SandboxUser(seed.Id, seed.Name, paper, live);
        }).ToList();
        foreach (var user in Users)
        {
            _users[user.Id] = user;
        }

        foreach (var account in Users.SelectMany(u => new[] { u.Paper, u.Live }))
        {
            _byId[account.Id] = account;
            account.Reset(_startingCash);
        }
    }

    public IReadOnlyList<SandboxUser> Users { get; }

    public IEnumerable<SandboxAccount> All => _byId.Values;

    public SandboxUser? User(string id) => _users.GetValueOrDefault(id);

    public SandboxAccount? Find(Guid id) => _byId.GetValueOrDefault(id);

    public void Reset()
    {
        foreach (var account in All)
        {
            lock (account.Sync)
            {
                account.Reset(_startingCash);
            }
        }
    }

    /// <summary>Benchmark users: <c>user-0001</c> "Sandbox User 0001", paper <c>PA3U00000001</c>, live <c>593200001</c>.</summary>
    private static IEnumerable<(string Id, string Name, string Paper, string Live)> Generated(int count) =>
        Enumerable.Range(1, count).Select(i => (
            string.Create(CultureInfo.InvariantCulture, $"user-{i:D4}"),
            string.Create(CultureInfo.InvariantCulture, $"Sandbox User {i:D4}"),
            string.Create(CultureInfo.InvariantCulture, $"PA3U{i:D8}"),
            string.Create(CultureInfo.InvariantCulture, $"5932{i:D5}")));

    private static Guid NextGuid(Random random)
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }
}
