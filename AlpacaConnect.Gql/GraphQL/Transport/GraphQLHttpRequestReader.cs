using System.Buffers;
using System.Text.Json;
using AlpacaConnect.Gql.GraphQL.TrustedDocuments;
using GraphQL;
using Microsoft.Net.Http.Headers;

namespace AlpacaConnect.Gql.GraphQL.Transport;

/// <summary>Reads one <see cref="OperationRequest"/> from a GET query string or a JSON POST body.</summary>
internal sealed class GraphQLHttpRequestReader(IGraphQLTextSerializer serializer)
{
    public (OperationRequest? Request, TransportError? Error) ReadGet(IQueryCollection query)
    {
        string? Param(string name) => query.TryGetValue(name, out var v) ? v.ToString() : null;

        var text = NullIfEmpty(Param("query"));
        var documentId = NullIfEmpty(Param("documentId"));
        var (variables, variablesError) = ParseMapParameter(Param("variables"), "variables");
        var (extensions, extensionsError) = ParseMapParameter(Param("extensions"), "extensions");
        if (text is null && documentId is null && !PersistedQueryId.IsNamedIn(extensions))
        {
            return (null, TransportError.BadRequest("The 'query' parameter is required."));
        }

        var error = variablesError ?? extensionsError;
        return error is not null
            ? (null, error)
            : (new OperationRequest(text, NullIfEmpty(Param("operationName")), variables, extensions) { DocumentId = documentId }, null);
    }

    public async Task<(OperationRequest? Request, TransportError? Error)> ReadPostAsync(
        HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (!IsJsonUtf8(request.ContentType))
        {
            return (null, TransportError.UnsupportedMediaType());
        }

        if (request.ContentLength > maxBytes)
        {
            return (null, TransportError.TooLarge(maxBytes));
        }

        var body = await ReadBodyAsync(request.Body, maxBytes, cancellationToken);
        if (body is null)
        {
            return (null, TransportError.TooLarge(maxBytes));
        }

        if (body.Length == 0)
        {
            return (null, TransportError.BadRequest("The request body is missing."));
        }

        var (document, problem) = StrictJson.Parse(body);
        using (document)
        {
            return document is null
                ? (null, TransportError.BadRequest($"The request body is refused: {problem}."))
                : FromJson(document.RootElement);
        }
    }

    /// <summary>A request object of a POST body or a WebSocket <c>subscribe</c> payload.</summary>
    public (OperationRequest? Request, TransportError? Error) FromJson(JsonElement root)
    {
        if (root.ValueKind == JsonValueKind.Array)
        {
            return (null, TransportError.Batching());
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            return (null, TransportError.BadRequest("The request body must be a JSON object."));
        }

        var query = root.TryGetProperty("query", out var q) ? q : default;
        var documentId = root.TryGetProperty("documentId", out var id) ? id : default;
        var namesDocument = documentId.ValueKind == JsonValueKind.String
            || (root.TryGetProperty("extensions", out var e) && e.ValueKind == JsonValueKind.Object && e.TryGetProperty("persistedQuery", out _));
        if (query.ValueKind != JsonValueKind.String && !(namesDocument && query.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null))
        {
            return (null, TransportError.BadRequest("The 'query' property is required and must be a string."));
        }

        if (documentId.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Null or JsonValueKind.String))
        {
            return (null, TransportError.BadRequest("'documentId' must be a string."));
        }

        var operationName = root.TryGetProperty("operationName", out var op) ? op : default;
        if (operationName.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Null or JsonValueKind.String))
        {
            return (null, TransportError.BadRequest("'operationName' must be a string."));
        }

        var (variables, variablesError) = ReadMap(root, "variables");
        var (extensions, extensionsError) = ReadMap(root, "extensions");
        var error = variablesError ?? extensionsError;
        return error is not null
            ? (null, error)
            : (new OperationRequest(
                query.ValueKind == JsonValueKind.String && !(namesDocument && query.GetString() is "") ? query.GetString() : null,
                NullIfEmpty(operationName.ValueKind == JsonValueKind.String ? operationName.GetString() : null),
                variables,
                extensions) { DocumentId = NullIfEmpty(documentId.ValueKind == JsonValueKind.String ? documentId.GetString() : null) }, null);
    }

    private (Inputs?, TransportError?) ReadMap(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) ? ToMap(value, name) : (null, null);

    private (Inputs?, TransportError?) ParseMapParameter(string? json, string name)
    {
        if (string.IsNullOrEmpty(json))
        {
            return (null, null);
        }

        var (document, problem) = StrictJson.Parse(json);
        using (document)
        {
            return document is null
                ? (null, TransportError.BadRequest($"'{name}' must be a URL-encoded JSON object; {problem}."))
                : ToMap(document.RootElement, name);
        }
    }

    private (Inputs?, TransportError?) ToMap(JsonElement value, string name) =>
        value.ValueKind switch
        {
            JsonValueKind.Null => (null, null),
            JsonValueKind.Object => (serializer.ReadNode<Inputs>(value), null),
            _ => (null, TransportError.BadRequest($"'{name}' must be a JSON object.")),
        };

    private static bool IsJsonUtf8(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var type)
        && type.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
        && (type.Charset.Length == 0 || type.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase));

    /// <summary>Reads at most <paramref name="maxBytes"/>; null when the body is longer (chunked uploads have no Content-Length).</summary>
    private static async Task<byte[]?> ReadBodyAsync(Stream body, int maxBytes, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Min(maxBytes + 1, 16 * 1024));
        try
        {
            using var collected = new MemoryStream();
            int read;
            while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
            {
                if (collected.Length + read > maxBytes)
                {
                    return null;
                }

                collected.Write(buffer, 0, read);
            }

            return collected.ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
