using System.ComponentModel.DataAnnotations;

namespace AlpacaConnect.Gql.Orders.Pipeline;

/// <summary>The order pipeline (configuration section <c>Orders</c>, shared with the order history's settings).</summary>
internal sealed class OrderPipelineOptions
{
    public const string Section = "Orders";

    /// <summary>
    /// How long a saved order that Alpaca has not confirmed may still be sent by a retry with its key. After this it
    /// becomes EXPIRED and is never sent: an app's retry queue replaying it hours later must not place a market order
    /// the user asked for then. An ambiguous position close that no reconciliation matched within this window expires too.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:10", "1.00:00:00")]
    public TimeSpan IntentExpiry { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Whether <paramref name="intent"/> is too old to be sent at <paramref name="now"/>.</summary>
    public bool HasExpired(Order intent, DateTimeOffset now) => now - intent.CreatedAt > IntentExpiry;
}
