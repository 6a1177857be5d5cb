using System.Text.Json;

namespace AlpacaConnect.Sandbox.Streaming;

/// <summary>The control messages of the trade_updates protocol (WS-DOC).</summary>
internal static class StreamMessages
{
    public static byte[] Authorization(bool authorized, string action) => Json(new
    {
        stream = "authorization",
        data = new { status = authorized ? "authorized" : "unauthorized", action },
    });

    public static byte[] Listening(IEnumerable<string> streams) => Json(new { stream = "listening", data = new { streams } });

    public static byte[] Error(string message) => Json(new { action = "error", data = new { error_message = message } });

    private static byte[] Json(object value) => JsonSerializer.SerializeToUtf8Bytes(value);
}
