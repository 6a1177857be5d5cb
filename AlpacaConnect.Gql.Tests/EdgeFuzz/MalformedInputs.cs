using System.Globalization;
using System.Text;

namespace AlpacaConnect.Gql.Tests.EdgeFuzz;

/// <summary>Deterministic malformed inputs: each method draws one from <paramref name="random"/>.</summary>
public sealed class MalformedInputs(Random random)
{
    private static readonly string[] Documents =
    [
        "{ __typename }",
        "query($s: String!) { position(symbol: $s) { symbol qty } }",
        "mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { order { id } errors { ... on Error { code message } } } }",
        "mutation($input: ClosePositionInput!) { closePosition(input: $input) { order { id } errors { ... on Error { code message } } } }",
        "mutation($input: ConnectAlpacaInput!) { connectAlpaca(input: $input) { authorizationUrl errors { ... on Error { code } } } }",
        "{ positions { symbol } account { cash } orders(first: 5) { edges { node { id } } } }",
        "subscription { orderUpdated { order { id } } }",
        "query($a: ID, $f: Int) { orderEvents(after: $a, first: $f) { updates { id } hasNextPage endCursor } }",
        "subscription($a: ID) { orderUpdated(after: $a) { id } }",
        "{ __schema { types { name fields { name } } } }",
        "query($s: String!) { asset(symbol: $s) { id symbol } quotes(symbols: [$s]) { symbol } }",
        "query($s: String!, $f: Int, $a: String) { assets(search: $s, first: $f, after: $a) { edges { cursor node { symbol } } } }",
        "query($s: String!, $f: Int, $a: DateTimeOffset!) { bars(symbol: $s, timeframe: ONE_MINUTE, start: $a, first: $f) { __typename } }",
        "query($s: String, $a: String!) { portfolioHistory(period: $s) { __typename } marketCalendar(start: $a, end: $a) { __typename } }",
        "query($f: Int, $a: String) { activities(first: $f, after: $a) { edges { cursor } } watchlists { id } }",
        "query($input: PlaceOrderInput!) { previewOrder(input: $input) { wouldPlace errors { ... on Error { code message } } } }",
        "mutation($input: CancelAllOrdersInput!) { cancelAllOrders(input: $input) { errors { ... on Error { code message } } } }",
        "mutation($input: CloseAllPositionsInput!) { closeAllPositions(input: $input) { errors { ... on Error { code message } } } }",
        "mutation($input: CreateWatchlistInput!) { createWatchlist(input: $input) { errors { ... on Error { code message } } } }",
        "mutation($input: AddWatchlistSymbolInput!) { addWatchlistSymbol(input: $input) { errors { ... on Error { code message } } } }",
        "mutation($input: RegisterPushDeviceInput!) { registerPushDevice(input: $input) { device { id } errors { ... on Error { code message } } } }",
        "mutation($input: UnregisterPushDeviceInput!) { unregisterPushDevice(input: $input) { removedDeviceId errors { ... on Error { code message } } } }",
    ];

    private static readonly string[] Amounts =
    [
        "79228162514264337593543950335", "-79228162514264337593543950335", "1e400", "NaN", "Infinity", "0", "-1", "0.0000000001",
        "999999999999999999999999999.9", "1.5", "10", "", " ", "1,5", "0x10", "100000000000000000000", "٣", "1_000",
    ];

    private static readonly string[] Symbols =
    [
        ".", "..", "/", "AAPL/..", "%2e%2e", "A?B", "A#B", "AAPL\u0000", "ÄPPL", "BRK.B", "BTC/USD", "AAPL250117C00150000", "", " ",
        new string('A', 40), "AAPL\r\nX-Evil: 1", "\ud800", "<script>", "aapl", "BTC//USD", "../../v2/account",
    ];

    private static readonly string[] Platforms = ["APNS", "FCM", "EXPO", "apns", "", "WEB"];

    private static readonly string[] ContentTypes =
    [
        "application/json", "application/json; charset=latin1", "application/json; charset=utf-16", "text/plain", "application/graphql",
        "multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "", "application/json; charset=\"", ";;;", "*/*",
        "application/json\u0001", "application/graphql-response+json",
    ];

    private static readonly string[] Accepts =
    [
        "application/graphql-response+json", "application/json", "text/html", "*/*", "", "application/json;q=abc", "application/*;q=0",
        "application/graphql-response+json; charset=utf-16", ",,,", "image/png",
    ];

    public T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    public bool Chance(int percent) => random.Next(100) < percent;

    public string ContentType() => Pick(ContentTypes);

    public string Accept() => Pick(Accepts);

    public string Document() => random.Next(10) switch
    {
        0 => Truncate(Pick(Documents)),
        1 => DoublingFragments(random.Next(10, 60)),
        2 => "{ a " + string.Concat(Enumerable.Repeat("{ a ", random.Next(50, 400))) + new string('}', random.Next(0, 400)),
        3 => "{ __type(name: " + new string('[', random.Next(50, 400)) + "1" + new string(']', random.Next(0, 400)) + ") { name } }",
        4 => Junk(random.Next(1, 200)),
        5 => "{ " + string.Concat(Enumerable.Range(0, random.Next(100, 3000)).Select(i => $"a{i}: __typename ")) + "}",
        _ => Pick(Documents),
    };

    /// <summary>Variables of the right names with wrong types, huge numbers and hostile strings.</summary>
    public string Variables() => random.Next(13) switch
    {
        0 => "{\"s\":" + Value() + "}",
        1 => "{\"input\":{\"idempotencyKey\":\"k" + random.Next() + "\",\"symbol\":" + Json(Pick(Symbols)) + ",\"side\":\"BUY\",\"type\":\"LIMIT\",\"timeInForce\":\"DAY\",\"qty\":" + Json(Pick(Amounts)) + ",\"limitPrice\":" + Json(Pick(Amounts)) + "}}",
        2 => "{\"input\":{\"idempotencyKey\":\"c" + random.Next() + "\",\"symbol\":" + Json(Pick(Symbols)) + ",\"qty\":" + Json(Pick(Amounts)) + "}}",
        3 => "{\"input\":{\"environment\":\"PAPER\",\"returnTo\":" + Json("https://app.test/alpaca/done?x=" + Pick(Symbols)) + "}}",
        4 => "{\"input\":" + Value() + "}",
        5 => "{\"a\":1,\"a\":2}",
        6 => Nested(random.Next(10, 200)),
        7 => "{\"a\":" + (Chance(50) ? Json(Pick(Symbols)) : Value()) + ",\"f\":" + Value() + "}",
        9 => "{\"input\":{\"name\":" + Value() + ",\"symbols\":[" + Json(Pick(Symbols)) + "," + Value() + "]}}",
        10 => "{\"input\":{\"watchlistId\":" + Value() + ",\"symbol\":" + Json(Pick(Symbols)) + "}}",
        11 => "{\"input\":{\"idempotencyKey\":" + Value() + ",\"cancelOrders\":" + Value() + "},\"s\":" + Json(Pick(Symbols)) + ",\"a\":" + Value() + ",\"f\":" + Value() + "}",
        12 => "{\"input\":{\"platform\":" + Json(Pick(Platforms)) + ",\"token\":" + (Chance(50) ? Json(Pick(Symbols)) : Value()) + ",\"apnsEnvironment\":" + Value() + "}}",
        _ => "{\"input\":{\"idempotencyKey\":" + Value() + ",\"symbol\":" + Value() + ",\"qty\":" + Value() + "}}",
    };

    /// <summary>A JSON request body: mostly almost right, broken in one of many ways.</summary>
    public byte[] Body()
    {
        // The query is left out now and then, as a request naming a persisted operation does.
        var request = "{\"query\":" + (Chance(90) ? Json(Document()) : "null") + (Chance(70) ? ",\"variables\":" + Variables() : "")
            + (Chance(10) ? ",\"operationName\":" + Value() : "") + (Chance(20) ? ",\"extensions\":" + Extensions() : "")
            + (Chance(10) ? ",\"documentId\":" + DocumentId() : "") + "}";
        return random.Next(12) switch
        {
            0 => Encoding.UTF8.GetBytes(Truncate(request)),
            1 => Encoding.UTF8.GetBytes(request.Replace("\"query\"", "\"query\":1,\"query\"", StringComparison.Ordinal)),
            2 => Encoding.UTF8.GetBytes(request.Insert(request.Length - 1, ",\"x\":\"\\ud800\"")),
            3 => BadUtf8(Encoding.UTF8.GetBytes(request)),
            4 => Encoding.UTF8.GetBytes(Nested(random.Next(60, 3000))),
            5 => Encoding.UTF8.GetBytes("[" + request + "," + request + "]"),
            6 => Encoding.UTF8.GetBytes(Value()),
            7 => Encoding.Unicode.GetBytes(request),
            _ => Encoding.UTF8.GetBytes(request),
        };
    }

    /// <summary>A request's <c>extensions</c>, mostly Apollo's <c>persistedQuery</c> (trusted documents, APQ), valid or broken.</summary>
    public string Extensions() => random.Next(5) switch
    {
        0 => "{\"persistedQuery\":{\"version\":" + Value() + ",\"sha256Hash\":" + Value() + "}}",
        1 or 2 => "{\"persistedQuery\":{\"version\":1,\"sha256Hash\":" + Json(Hash()) + "}}",
        3 => "{\"persistedQuery\":" + Value() + "}",
        _ => Value(),
    };

    /// <summary>A <c>documentId</c> (a manifest id, <c>sha256:</c> and a hash), valid in shape or not.</summary>
    public string DocumentId() => Chance(50) ? Value() : Json("sha256:" + Hash());

    private string Hash() => random.Next(4) switch
    {
        0 => Convert.ToHexString(RandomBytes(32)).ToLowerInvariant(),
        1 => new string('F', random.Next(60, 70)),
        2 => Junk(random.Next(0, 80)),
        _ => new string('a', 64),
    };

    private byte[] RandomBytes(int count)
    {
        var bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }

    /// <summary>One graphql-transport-ws message, valid or broken.</summary>
    public string SocketMessage() => random.Next(10) switch
    {
        0 => Truncate("{\"type\":\"subscribe\",\"id\":\"1\",\"payload\":{\"query\":" + Json(Document()) + "}}"),
        1 => "{\"type\":\"subscribe\",\"id\":\"" + random.Next(3) + "\",\"payload\":{\"query\":" + Json(Document()) + ",\"variables\":" + Variables()
            + (Chance(30) ? ",\"extensions\":" + Extensions() : "") + (Chance(20) ? ",\"documentId\":" + DocumentId() : "") + "}}",
        2 => "{\"type\":" + Value() + ",\"id\":" + Value() + ",\"payload\":" + Value() + "}",
        3 => "{\"type\":\"ping\",\"type\":\"pong\"}",
        4 => "{\"type\":\"complete\",\"id\":\"\\udc00\"}",
        5 => Nested(random.Next(10, 500)),
        6 => "{\"type\":\"connection_init\",\"payload\":{\"authorization\":" + Value() + "}}",
        7 => Junk(random.Next(0, 100)),
        _ => "{\"type\":\"subscribe\",\"id\":\"" + random.Next(3) + "\",\"payload\":{\"query\":" + Json(Document()) + "}}",
    };

    public string QueryValue() => random.Next(6) switch
    {
        0 => Junk(random.Next(0, 300)),
        1 => new string('a', random.Next(1000, 6000)),
        2 => "\u0000\u0001\r\n",
        3 => "é😀\u2028",
        4 => "%",
        _ => Convert.ToBase64String(Encoding.UTF8.GetBytes(Junk(32))),
    };

    /// <summary>A JSON value of a random kind: wrong types, huge numbers, lone surrogates.</summary>
    public string Value() => random.Next(12) switch
    {
        0 => "null",
        1 => "true",
        2 => random.Next().ToString(CultureInfo.InvariantCulture),
        3 => "1" + new string('0', random.Next(20, 400)),
        4 => "-1e999",
        5 => "[]",
        6 => "{}",
        7 => "\"\\ud800\"",
        8 => Json(Pick(Symbols)),
        9 => Json(Pick(Amounts)),
        10 => "[" + string.Join(',', Enumerable.Repeat("1", random.Next(0, 50))) + "]",
        _ => Json(Junk(random.Next(0, 40))),
    };

    public string Junk(int length)
    {
        var text = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            text.Append((char)(random.Next(4) == 0 ? random.Next(0, 0x2FF) : random.Next(0x20, 0x7F)));
        }

        return text.ToString();
    }

    public string Truncate(string text) => text[..random.Next(0, text.Length)];

    private byte[] BadUtf8(byte[] bytes)
    {
        var copy = (byte[])bytes.Clone();
        for (var i = 0; i < 1 + random.Next(5); i++)
        {
            copy[random.Next(copy.Length)] = (byte)random.Next(0x80, 0x100);
        }

        return copy;
    }

    private static string Nested(int depth) => new string('[', depth) + new string(']', depth);

    private static string Json(string text) => System.Text.Json.JsonSerializer.Serialize(text);

    public static string DoublingFragments(int levels) =>
        "{ ...F" + levels.ToString(CultureInfo.InvariantCulture) + " } fragment F0 on Query { __typename }"
        + string.Concat(Enumerable.Range(1, levels).Select(i => string.Create(CultureInfo.InvariantCulture, $" fragment F{i} on Query {{ ...F{i - 1} ...F{i - 1} }}")));
}
