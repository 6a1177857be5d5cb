using System.Security.Cryptography;
using System.Text;

namespace AlpacaConnect.Gql.Orders.Batches;

/// <summary>
/// Keys of a batch's items. Each position of <c>closeAllPositions</c> is closed as <c>closePosition</c> with a key
/// derived from (batch key, symbol): a replay of the batch reaches the same order rows, so nothing is closed twice.
/// The batch key is hashed so the derived key fits the key column whatever the caller's key length.
/// </summary>
internal static class OrderBatchKeys
{
    private const string ClosePrefix = "close-all:";

    public static string ForClose(string batchKey, string symbol) =>
        $"{ClosePrefix}{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(batchKey)))[..32]}:{symbol}";

    /// <summary>The cancel-all a close-all with <c>cancelOrders</c> runs first, itself a batch with its own key.</summary>
    public static string ForCancelBeforeClose(string batchKey) =>
        $"{ClosePrefix}{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(batchKey)))[..32]}:cancel";

    /// <summary>Only the key identifies a cancel-all: it has no other input.</summary>
    public static string CancelAllFingerprint() => Hash("cancel-all");

    public static string CloseAllFingerprint(bool cancelOrders) => Hash($"close-all|{(cancelOrders ? "cancel-orders" : "keep-orders")}");

    private static string Hash(string canonical) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
}
