using System.ComponentModel.DataAnnotations;

namespace AlpacaConnect.Sandbox;

/// <summary>Order validation details Alpaca does not pin down (section <c>Sandbox:Orders</c>).</summary>
public sealed class SandboxOrderOptions
{
    /// <summary>HTTP status for a reused <c>client_order_id</c> (the message is known, the status is UNVERIFIED).</summary>
    [Range(400, 499)]
    public int DuplicateClientOrderIdStatus { get; set; } = 422;

    /// <summary>Longest accepted <c>client_order_id</c> (current spec 128; old docs 48).</summary>
    [Range(1, 1024)]
    public int MaxClientOrderIdLength { get; set; } = 128;

    /// <summary>Allow <c>extended_hours</c> with <c>gtc</c> (current spec) as well as <c>day</c> (old docs).</summary>
    public bool ExtendedHoursAllowsGtc { get; set; } = true;

    /// <summary>
    /// Accept <c>day</c> on crypto limit orders. The crypto trading page allows only <c>gtc</c> and <c>ioc</c>
    /// (facts-more 3.3); the orders page's table adds "limit day" (facts 2.2). Default false: the crypto page.
    /// </summary>
    public bool CryptoLimitDayAllowed { get; set; }
}
