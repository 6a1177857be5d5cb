namespace AlpacaConnect.Sandbox;

/// <summary>The trade_updates WebSocket (section <c>Sandbox:Stream</c>).</summary>
public sealed class SandboxStreamOptions
{
    /// <summary>Frame kind on the paper stream. Alpaca's paper stream sends binary frames (UTF-8 JSON).</summary>
    public SandboxFrameKind PaperFrames { get; set; } = SandboxFrameKind.Binary;

    /// <summary>Frame kind on the live stream.</summary>
    public SandboxFrameKind LiveFrames { get; set; } = SandboxFrameKind.Text;
}

/// <summary>WebSocket message type used for JSON messages.</summary>
public enum SandboxFrameKind
{
    /// <summary>UTF-8 JSON in binary frames.</summary>
    Binary,

    /// <summary>JSON in text frames.</summary>
    Text,
}
