using AlpacaConnect.Sandbox.Matching;

namespace AlpacaConnect.Sandbox.Watchlists;

/// <summary>One watchlist of an account; guarded by the account's lock. Assets stay in the order they were added.</summary>
public sealed class SandboxWatchlist(Guid id, string name, DateTimeOffset createdAt)
{
    public Guid Id { get; } = id;

    public string Name { get; set; } = name;

    public DateTimeOffset CreatedAt { get; } = createdAt;

    public DateTimeOffset UpdatedAt { get; set; } = createdAt;

    public List<SandboxAsset> Assets { get; } = [];
}
