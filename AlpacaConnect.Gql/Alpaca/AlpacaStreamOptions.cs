using System.ComponentModel.DataAnnotations;

namespace AlpacaConnect.Gql.Alpaca;

/// <summary>The trade_updates WebSocket client (section <c>Alpaca:Stream</c>).</summary>
internal sealed class AlpacaStreamOptions
{
    public const string Section = "Alpaca:Stream";

    /// <summary>Connecting, authenticating and listening must finish within this.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan HandshakeTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>WebSocket pings; a peer that stops answering for <see cref="KeepAliveTimeout"/> is treated as gone.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(15);

    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan KeepAliveTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A larger message ends the socket (it is reopened and reconciled).</summary>
    [Range(4096, 16 * 1024 * 1024)]
    public int MaxMessageBytes { get; set; } = 1024 * 1024;
}
