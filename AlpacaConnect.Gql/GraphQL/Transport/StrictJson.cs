using System.Text.Json;

namespace AlpacaConnect.Gql.GraphQL.Transport;

/// <summary>
/// Parses client JSON (POST bodies, GET parameters, WebSocket messages) and refuses what System.Text.Json lets
/// through by default but the engine chokes on later: a key given twice (which value wins is ambiguous, and
/// GraphQL.NET's readers throw on it) and a lone UTF-16 surrogate escape such as <c>"\ud800"</c> (no text a client
/// means to send; it cannot be turned back into UTF-8). Refusing them at the door makes them a client error.
/// </summary>
internal static class StrictJson
{
    private static readonly JsonDocumentOptions Options = new() { AllowDuplicateProperties = false };

    /// <summary>The document (the caller disposes it), or why the text is refused, as a phrase ending a sentence.</summary>
    public static (JsonDocument? Document, string? Problem) Parse(ReadOnlyMemory<byte> utf8) =>
        Check(() => JsonDocument.Parse(utf8, Options));

    /// <inheritdoc cref="Parse(ReadOnlyMemory{byte})"/>
    public static (JsonDocument? Document, string? Problem) Parse(string json) =>
        Check(() => JsonDocument.Parse(json, Options));

    private static (JsonDocument?, string?) Check(Func<JsonDocument> parse)
    {
        JsonDocument document;
        try
        {
            document = parse();
        }
        catch (JsonException exception) when (exception.Message.Contains("duplicate", StringComparison.OrdinalIgnoreCase))
        {
            return (null, "it is not valid JSON (a property is given twice)");
        }
        catch (JsonException)
        {
            return (null, "it is not valid JSON");
        }
        catch (InvalidOperationException)
        {
            // Comparing keys for duplicates decodes them; a key with a lone surrogate cannot be decoded.
            return (null, "it is not valid JSON (a key holds a lone UTF-16 surrogate)");
        }

        if (HasLoneSurrogateAnywhere(document.RootElement))
        {
            document.Dispose();
            return (null, "it is not valid JSON (a string holds a lone UTF-16 surrogate)");
        }

        return (document, null);
    }

    /// <summary>Reading a key or string that cannot be transcoded throws; that is the case being looked for.</summary>
    private static bool HasLoneSurrogateAnywhere(JsonElement root)
    {
        try
        {
            return HasLoneSurrogate(root);
        }
        catch (InvalidOperationException)
        {
            return true;
        }
    }

    /// <summary>Walks every string and key once; JsonDocument already bounds the nesting (64 levels).</summary>
    private static bool HasLoneSurrogate(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => IsBroken(element.GetString()!),
        JsonValueKind.Array => element.EnumerateArray().Any(HasLoneSurrogate),
        JsonValueKind.Object => element.EnumerateObject().Any(p => IsBroken(p.Name) || HasLoneSurrogate(p.Value)),
        _ => false,
    };

    private static bool IsBroken(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return true;
            }
        }

        return false;
    }
}
