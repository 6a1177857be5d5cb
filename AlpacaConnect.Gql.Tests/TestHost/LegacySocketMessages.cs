using System.Text.Json;

namespace AlpacaConnect.Gql.Tests.TestHost;

/// <summary>The legacy <c>graphql-ws</c> sub-protocol's client messages, on a <see cref="GraphQLSocket"/> that offered it.</summary>
public static class LegacySocketMessages
{
    public const string SubProtocol = "graphql-ws";

    public static Task StartAsync(this GraphQLSocket socket, string id, string query, object? variables = null, string? operationName = null) =>
        socket.SendAsync(new { type = "start", id, payload = new { query, variables, operationName } });

    /// <summary>The <c>connection_error</c> payload, sent last before the close with <paramref name="code"/>.</summary>
    public static async Task<JsonElement> ExpectConnectionErrorAsync(this GraphQLSocket socket, int code)
    {
        var (messages, status, _) = await socket.ReadUntilClosedAsync();
        Assert.Equal(code, (int?)status);
        var last = messages[^1];
        Assert.Equal("connection_error", last.GetProperty("type").GetString());
        Assert.Equal(code, last.GetProperty("payload").GetProperty("extensions").GetProperty("closeCode").GetInt32());
        return last.GetProperty("payload");
    }
}
