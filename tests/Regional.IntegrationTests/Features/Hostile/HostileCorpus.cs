using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;

namespace Regional.IntegrationTests.Features.Hostile;

/// <summary>
/// A write endpoint as the corpus calls it through the gateway: who calls it, where, and a body the
/// service accepts (the control), with what the mutations need to know about its fields. Paths of
/// fields are written as the services name them in a 422 (<c>child.nhsNumber</c>, <c>[0].child.nhsNumber</c>).
/// </summary>
public sealed record WriteEndpoint(
    string Key,
    string Group,
    string Caller,
    string Method,
    string Path,
    Func<JsonNode?>? Body,
    string[]? Required = null,
    string[]? Codes = null,
    string[]? Dates = null,
    string[]? Instants = null,
    string[]? NhsNumbers = null,
    string[]? Lists = null,
    string[]? PathValues = null)
{
    /// <summary>The path with a hostile value in place of the record's id or code; the path then names nothing that exists or could.</summary>
    public Func<string, string>? HostilePath { get; init; }

    /// <summary>Sent unmutated after the corpus, and must be accepted (an endpoint whose valid call would undo another's scene has none).</summary>
    public bool Control { get; init; }

    /// <summary>The body may be left out (an officer acknowledging names themselves by their token): no body, or null, is not hostile here.</summary>
    public bool OptionalBody { get; init; }
}

/// <summary>One request of the corpus and what it is meant to break.</summary>
public sealed record HostileRequest(WriteEndpoint Endpoint, string Mutation, string Path, byte[]? Body, string? ContentType, string? ExpectedField)
{
    public override string ToString() =>
        $"{Endpoint.Key} [{Mutation}] {Endpoint.Method} {Shorten(Path)} ({Body?.Length ?? 0} bytes, {ContentType ?? "no content type"})";

    private static string Shorten(string text) => text.Length > 120 ? text[..120] + "..." : text;
}

/// <summary>
/// Generates hostile variants of each endpoint's valid body with CsCheck, from one seed: which
/// field, which bad value and which shape are drawn from the seed, so a run can be repeated
/// exactly (<c>REGIONAL_HOSTILE_SEED</c>). Every variant is one a strict API must refuse.
/// </summary>
public static class HostileCorpus
{
    public const string SeedVariable = "REGIONAL_HOSTILE_SEED";
    public const ulong DefaultSeed = 20261207;

    private const string Marker = "__hostile_marker__";

    public static ulong Seed =>
        ulong.TryParse(Environment.GetEnvironmentVariable(SeedVariable), out var seed) ? seed : DefaultSeed;

    /// <summary>
    /// <paramref name="perEndpoint"/> requests per endpoint with a body (fewer for those without one),
    /// the kinds of mutation taken in turn so each endpoint gets each kind that applies to it.
    /// </summary>
    public static List<HostileRequest> Generate(IReadOnlyList<WriteEndpoint> endpoints, ulong seed, int perEndpoint)
    {
        var corpus = new List<HostileRequest>();
        foreach (var (endpoint, index) in endpoints.Select((e, i) => (e, i)))
        {
            // A stream per endpoint: adding an endpoint leaves the others' requests as they were.
            var pcg = new PCG((uint)index, seed);
            var kinds = Kinds(endpoint);
            var count = endpoint.Body is null ? Math.Max(kinds.Count, perEndpoint / 3) : perEndpoint;
            for (var i = 0; i < count; i++)
            {
                corpus.Add(kinds[i % kinds.Count].Generate(pcg, null, out _));
            }
        }

        return corpus;
    }

    private static List<Gen<HostileRequest>> Kinds(WriteEndpoint e)
    {
        var kinds = new List<Gen<HostileRequest>>();
        if (e.HostilePath is not null)
        {
            kinds.Add(Gen.OneOf(e.PathValues ?? HostilePathValues).Select(value =>
                Request(e, $"path:{Describe(value)}", e.HostilePath(value), e.Body?.Invoke()?.ToJsonString(), "application/json", null)));
        }

        if (e.Body is null)
        {
            // No body to break: a junk body on a path naming nothing must still be refused.
            if (e.HostilePath is not null)
            {
                kinds.Add(Gen.Select(Gen.OneOf(e.PathValues ?? HostilePathValues), Gen.OneOf(NonJson), (value, junk) =>
                    Request(e, $"path+junk:{Describe(value)}", e.HostilePath(value), junk, "application/json", null)));
            }

            return kinds;
        }

        // Parsed from text, so every string value reads as a string (a DateTimeOffset put in a JsonObject does not).
        var template = JsonNode.Parse(e.Body()!.ToJsonString())!;
        var leaves = Leaves(template).ToList();
        var strings = leaves.Where(l => l.Node is JsonValue v && v.GetValueKind() == JsonValueKind.String).Select(l => l.Path).ToArray();
        var codes = e.Codes ?? [];
        var freeText = strings.Except(codes).Except(e.Dates ?? []).Except(e.Instants ?? []).Except(e.NhsNumbers ?? []).ToArray();
        var objects = Objects(template).Select(o => o.Path).ToArray();

        if (e.Required is { Length: > 0 } required)
        {
            kinds.Add(Gen.OneOf(required).Select(path => Json(e, $"missing:{path}", template, path, _ => null, remove: true, expected: path)));
            kinds.Add(Gen.Const(0).Select(_ => Request(e, "empty-object", e.Path, e.Body() is JsonArray ? "[{}]" : "{}", "application/json", null)));
        }

        kinds.Add(Gen.Select(Gen.OneOf(leaves.Select(l => l.Path).ToArray()), Gen.Int[0, 3], (path, which) =>
            Json(e, $"wrong-type:{path}", template, path, node => WrongType(node, which), expected: null)));
        kinds.Add(Gen.Select(Gen.OneOf(objects), Gen.OneOf("unexpected", "isAdmin", "$type", "__proto__", "id", "Child"), (path, name) =>
            Extra(e, template, path, name)));
        kinds.Add(Gen.OneOf(objects).Select(path => Duplicate(e, template, path)));
        kinds.Add(Gen.Select(Gen.OneOf(strings), Gen.Int[1_048_577, 1_200_000], (path, length) =>
            Json(e, $"huge-string:{path}", template, path, _ => new string('x', length), expected: null)));
        kinds.Add(Gen.Select(Gen.OneOf(freeText.Length > 0 ? freeText : strings), Gen.Int[50_000, 60_000], (path, length) =>
            Json(e, $"over-limit-string:{path}", template, path, _ => new string('y', length), expected: path)));
        kinds.Add(Gen.Select(Gen.OneOf((e.Lists ?? []).Append("").ToArray()), Gen.Int[0, 1], (path, big) => HugeArray(e, template, path, big == 1)));
        kinds.Add(Gen.Select(Gen.OneOf(leaves.Select(l => l.Path).Append("").ToArray()), Gen.Int[10_000, 12_000], (path, depth) =>
            Raw(e, $"deep-nesting:{(path == "" ? "$" : path)}", template, path, new string('[', depth) + new string(']', depth))));
        kinds.Add(Gen.Select(Gen.OneOf(strings), Gen.OneOf(LoneSurrogates), (path, escaped) =>
            Raw(e, $"lone-surrogate:{path}", template, path, $"\"Jordan{escaped}\"")));
        kinds.Add(Gen.Select(Gen.OneOf(freeText.Length > 0 ? freeText : strings), Gen.OneOf(ControlCharacters), (path, c) =>
            Json(e, $"control-character:U+{(int)c:X4}:{path}", template, path, node => $"Jor{c}dan {node?.GetValue<string>()}", expected: path)));
        if (codes.Length > 0)
        {
            kinds.Add(Gen.Select(Gen.OneOf(codes), Gen.OneOf(UnknownCodes), (path, bad) =>
                Json(e, $"unknown-code:{path}={Describe(bad(""))}", template, path, node => bad(node?.GetValue<string>() ?? ""), expected: path)));
        }

        if (e.Dates is { Length: > 0 } dates)
        {
            kinds.Add(Gen.Select(Gen.OneOf(dates), Gen.OneOf(ExtremeDates), (path, date) =>
                Json(e, $"date:{path}={date}", template, path, _ => date, expected: path)));
        }

        if (e.Instants is { Length: > 0 } instants)
        {
            kinds.Add(Gen.Select(Gen.OneOf(instants), Gen.OneOf(ExtremeInstants), (path, instant) =>
                Json(e, $"instant:{path}={instant}", template, path, _ => instant, expected: path)));
        }

        if (e.NhsNumbers is { Length: > 0 } nhs)
        {
            kinds.Add(Gen.Select(Gen.OneOf(nhs), Gen.OneOf(WrongNhsNumbers), (path, number) =>
                Json(e, $"nhs-number:{path}={number}", template, path, _ => number, expected: path)));
        }

        kinds.Add(Gen.OneOf(e.OptionalBody ? [.. NonJson.Except(["", "null"])] : NonJson).Select(junk => Request(e, $"not-json:{Describe(junk)}", e.Path, junk, "application/json", null)));
        kinds.Add(Gen.OneOf(WrongContentTypes).Select(type => Request(e, $"content-type:{type ?? "none"}", e.Path, template.ToJsonString(), type, null)));
        return kinds;
    }

    // ---- the hostile values ----

    /// <summary>Ids that cannot be a child's local id: control characters, format characters that disguise text, or too long.</summary>
    /// <remarks>No %00: Kestrel refuses a NUL in the path before any of the region's code runs, with a bare 400.</remarks>
    public static readonly string[] HostileChildIds = ["NC%0A1", "%07", "NC-1%1B", "%E2%80%AE" + "321-CN", "NC-1%E2%80%8B", new string('z', 2_000)];

    private static readonly string[] HostilePathValues =
    [
        "00000000-0000-0000-0000-000000000000", Guid.Empty.ToString("N"), "f0e1d2c3-b4a5-4968-8776-655443322110",
        "not-a-guid", "%07", "%E2%80%AE", "..%2F..%2Fetc%2Fpasswd", "%27%20OR%201%3D1%20--", new string('z', 2_000), "%F0%9F%92%A9",
    ];

    /// <summary>Escaped as JSON: a lone high or low surrogate cannot be a .NET string or UTF-8.</summary>
    private static readonly string[] LoneSurrogates = [@"\ud800", @"\udfff", @"\ud83d", @"\udc00\ud800"];

    /// <summary>C0 controls (NUL, bell, escape, delete) and format characters used to disguise text.</summary>
    private static readonly char[] ControlCharacters = ['\u0000', '\u0001', '\u0007', '\u001b', '\u007f', '\u0008'];

    /// <summary>Code values that look like codes: unknown, wrong case, disguised by a right-to-left override, a zero-width space or NUL.</summary>
    private static readonly Func<string, string>[] UnknownCodes =
    [
        _ => "not-a-code",
        v => v.ToUpperInvariant() == v ? v.ToLowerInvariant() + "-x" : v.ToUpperInvariant(),
        v => "\u202E" + v,
        v => v + "\u200B",
        v => v + "\u0000",
        v => "\u200F" + v + "\u200E",
        _ => "%",
    ];

    private static readonly string[] ExtremeDates = ["0001-01-01", "9999-12-31", "2026-02-30", "2026-13-01", "2026-00-10", "-0001-01-01", "10000-01-01", "2026-1-1", ""];

    private static readonly string[] ExtremeInstants =
    [
        "0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "2026-02-30T10:00:00Z", "2026-03-01T25:00:00Z", "0001-01-01T00:00:00+14:00",
        "9999-12-31T23:59:59-14:00", "yesterday", "",
    ];

    /// <summary>Ten digits with the wrong check digit, a check digit of 10, or the wrong number of digits.</summary>
    private static readonly string[] WrongNhsNumbers = ["9434765918", "943 476 5910", "1234567890", "943476591", "94347659199", "943-476-591X", "４３４７６５９１９"];

    private static readonly string[] NonJson =
    [
        "", "null", "[]", "42", "\"a string\"", "true", "{", "{\"child\": }", "<placement><child/></placement>", "child=Jordan&hostAuthority=derbyshire",
        "\u00ff\u00fe{}", "{'single': 'quotes'}", "{\"a\":1}{\"b\":2}", "/* comment */ {}", "NaN",
    ];

    private static readonly string?[] WrongContentTypes =
        ["text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/octet-stream", null, "application/json-patch+json-not"];

    // ---- building requests ----

    private static HostileRequest Request(WriteEndpoint e, string mutation, string path, string? body, string? contentType, string? expected) =>
        new(e, mutation, path, body is null ? null : Encoding.UTF8.GetBytes(body), contentType, expected);

    /// <summary>The template with the value at <paramref name="path"/> replaced (or removed).</summary>
    private static HostileRequest Json(WriteEndpoint e, string mutation, JsonNode template, string path, Func<JsonNode?, JsonNode?> replace, bool remove = false, string? expected = null)
    {
        var body = template.DeepClone();
        var (parent, key) = Locate(body, path);
        var current = Get(parent, key);
        if (remove)
        {
            ((JsonObject)parent).Remove((string)key);
        }
        else
        {
            Set(parent, key, replace(current?.DeepClone()));
        }

        return Request(e, mutation, e.Path, body.ToJsonString(), "application/json", expected);
    }

    /// <summary>The template with raw JSON text (not a value JsonNode could hold) in place of the value at <paramref name="path"/>, or of the whole body.</summary>
    private static HostileRequest Raw(WriteEndpoint e, string mutation, JsonNode template, string path, string raw)
    {
        if (path == "")
        {
            return Request(e, mutation, e.Path, raw, "application/json", null);
        }

        var body = template.DeepClone();
        var (parent, key) = Locate(body, path);
        Set(parent, key, Marker);
        return Request(e, mutation, e.Path, body.ToJsonString().Replace($"\"{Marker}\"", raw, StringComparison.Ordinal), "application/json", null);
    }

    private static HostileRequest Extra(WriteEndpoint e, JsonNode template, string path, string name)
    {
        var body = template.DeepClone();
        var target = At(body, path);
        target[target.ContainsKey(name) ? name + "2" : name] = "surprise";
        return Request(e, $"extra-member:{(path == "" ? "$" : path)}.{name}", e.Path, body.ToJsonString(), "application/json", null);
    }

    /// <summary>A member given twice with the same value: readers disagree on which one wins, so a strict API refuses both.</summary>
    private static HostileRequest Duplicate(WriteEndpoint e, JsonNode template, string path)
    {
        var body = template.DeepClone();
        var target = At(body, path);
        var (name, value) = target.First();
        target[Marker] = Marker;
        var text = body.ToJsonString().Replace($"\"{Marker}\":\"{Marker}\"", $"{JsonSerializer.Serialize(name)}:{value?.ToJsonString() ?? "null"}", StringComparison.Ordinal);
        return Request(e, $"duplicate-key:{(path == "" ? "$" : path)}.{name}", e.Path, text, "application/json", null);
    }

    /// <summary>A list far past its limit: within the body size limit (refused by the service), or past it (refused on size).</summary>
    private static HostileRequest HugeArray(WriteEndpoint e, JsonNode template, string path, bool pastBodyLimit)
    {
        var count = pastBodyLimit ? 400_000 : 5_000;
        var items = string.Join(',', Enumerable.Repeat(path == "" ? "{}" : "\"x\"", count));
        return Raw(e, $"huge-array:{(path == "" ? "$" : path)}[{count}]", template, path, $"[{items}]");
    }

    private static JsonNode? WrongType(JsonNode? node, int which) => node switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.String => which switch { 0 => 12345, 1 => true, 2 => new JsonObject { ["value"] = v.GetValue<string>() }, _ => new JsonArray(v.GetValue<string>()) },
        JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => which switch { 0 => "yes", 1 => 1, 2 => new JsonObject(), _ => new JsonArray(true) },
        JsonValue => which switch { 0 => "twelve", 1 => "1e400", 2 => new JsonObject(), _ => true },
        JsonObject => which switch { 0 => "an object", 1 => 7, 2 => new JsonArray(), _ => false },
        JsonArray => which switch { 0 => "a list", 1 => new JsonObject { ["0"] = "x" }, 2 => 3, _ => true },
        _ => 0,
    };

    // ---- paths into JSON ----

    private static IEnumerable<(string Path, JsonNode? Node)> Leaves(JsonNode node, string path = "")
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, child) in o)
                {
                    if (child is null)
                    {
                        continue;
                    }

                    foreach (var leaf in Leaves(child, path == "" ? key : $"{path}.{key}"))
                    {
                        yield return leaf;
                    }
                }

                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    if (a[i] is { } item)
                    {
                        foreach (var leaf in Leaves(item, $"{path}[{i}]"))
                        {
                            yield return leaf;
                        }
                    }
                }

                break;
            default:
                yield return (path, node);
                break;
        }
    }

    private static IEnumerable<(string Path, JsonObject Node)> Objects(JsonNode node, string path = "")
    {
        if (node is JsonObject o)
        {
            yield return (path, o);
            foreach (var (key, child) in o)
            {
                if (child is not null)
                {
                    foreach (var inner in Objects(child, path == "" ? key : $"{path}.{key}"))
                    {
                        yield return inner;
                    }
                }
            }
        }
        else if (node is JsonArray a)
        {
            for (var i = 0; i < a.Count; i++)
            {
                if (a[i] is { } item)
                {
                    foreach (var inner in Objects(item, $"{path}[{i}]"))
                    {
                        yield return inner;
                    }
                }
            }
        }
    }

    /// <summary>Splits <c>a.b[2].c</c> into its segments.</summary>
    private static List<object> Segments(string path)
    {
        var segments = new List<object>();
        foreach (var part in path.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            var name = part;
            var bracket = name.IndexOf('[', StringComparison.Ordinal);
            var indexes = new List<int>();
            if (bracket >= 0)
            {
                foreach (var index in name[bracket..].Split(['[', ']'], StringSplitOptions.RemoveEmptyEntries))
                {
                    indexes.Add(int.Parse(index, System.Globalization.CultureInfo.InvariantCulture));
                }

                name = name[..bracket];
            }

            if (name.Length > 0)
            {
                segments.Add(name);
            }

            segments.AddRange(indexes.Cast<object>());
        }

        return segments;
    }

    private static (JsonNode Parent, object Key) Locate(JsonNode root, string path)
    {
        var segments = Segments(path);
        var parent = root;
        foreach (var segment in segments[..^1])
        {
            parent = Get(parent, segment) ?? throw new ArgumentException($"{path}: no {segment}");
        }

        return (parent, segments[^1]);
    }

    private static JsonObject At(JsonNode body, string path)
    {
        if (path == "")
        {
            return body.AsObject();
        }

        var (parent, key) = Locate(body, path);
        return Get(parent, key)!.AsObject();
    }

    private static JsonNode? Get(JsonNode parent, object key) => key is int i ? parent.AsArray()[i] : parent.AsObject()[(string)key];

    private static void Set(JsonNode parent, object key, JsonNode? value)
    {
        if (key is int i)
        {
            parent.AsArray()[i] = value;
        }
        else
        {
            parent.AsObject()[(string)key] = value;
        }
    }

    /// <summary>A readable label for a hostile value: control characters and long runs shown, not sent to the console as they are.</summary>
    public static string Describe(string value)
    {
        var shown = value.Length > 24 ? value[..12] + $"...({value.Length} chars)" : value;
        var builder = new StringBuilder();
        foreach (var c in shown)
        {
            builder.Append(char.IsControl(c) || char.IsSurrogate(c) || c is '\u202E' or '\u200B' or '\u200E' or '\u200F' || c > '\u00ff' ? $"\\u{(int)c:x4}" : c.ToString());
        }

        return builder.ToString();
    }
}
