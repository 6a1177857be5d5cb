using System.Globalization;
using AlpacaConnect.Gql.Orders;
using Microsoft.Extensions.Options;

namespace AlpacaConnect.Gql.Notifications;

/// <summary>
/// The lock-screen text of a notification. Only a device whose user chose details sees the symbol, side, quantity and
/// price; every other shows a title and <see cref="NotificationTexts.PrivateBody"/>. No account number, ever.
/// </summary>
internal sealed class PushTexts(IOptionsMonitor<NotificationsOptions> options)
{
    public PushContent ForOrder(string eventType, Order order, OrderEvent recorded, bool showDetails)
    {
        var texts = options.CurrentValue.Texts;
        var title = eventType switch
        {
            "order.filled" => texts.Filled,
            NotificationEvents.PartiallyFilled => texts.PartiallyFilled,
            "order.canceled" => texts.Canceled,
            "order.expired" => texts.Expired,
            _ => texts.Rejected,
        };
        var body = showDetails
            ? texts.DetailBody
                .Replace("{side}", order.Side.ToString().ToLowerInvariant(), StringComparison.Ordinal)
                .Replace("{qty}", Plain(recorded.FilledQty > 0 ? recorded.FilledQty : order.Qty), StringComparison.Ordinal)
                .Replace("{symbol}", order.Symbol, StringComparison.Ordinal)
                .Replace("{price}", Plain(recorded.FilledAvgPrice ?? order.LimitPrice), StringComparison.Ordinal)
            : texts.PrivateBody;
        return new PushContent(title, body, new Dictionary<string, string>
        {
            ["type"] = eventType,
            ["orderId"] = order.Id.ToString(),
            ["sequence"] = (recorded.Sequence ?? 0).ToString(CultureInfo.InvariantCulture),
        });
    }

    public PushContent ForReauth(Guid connectionId)
    {
        var texts = options.CurrentValue.Texts;
        return new PushContent(texts.ReauthRequired, texts.ReauthRequiredBody, new Dictionary<string, string>
        {
            ["type"] = NotificationEvents.ReauthRequired,
            ["connectionId"] = connectionId.ToString(),
        });
    }

    private static string Plain(decimal? value) => value is { } v ? v.ToString("0.##########", CultureInfo.InvariantCulture) : "";
}
