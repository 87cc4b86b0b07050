using System.Text.Json.Nodes;

namespace Regional.RiskTool.Tests.Support;

/// <summary>
/// Small definitions and mappings written as JSON, loaded through the same loader as the
/// embedded ones, so tests can break them one field at a time or build longer version chains.
/// </summary>
internal static class TinyTool
{
    public static JsonObject Definition(string version, string published, params string[] indicators) => new()
    {
        ["version"] = version,
        ["title"] = $"Tiny tool {version}",
        ["published"] = published,
        ["description"] = "A small tool for tests.",
        ["indicators"] = new JsonArray(indicators.Select(Indicator).ToArray<JsonNode?>()),
        ["vulnerabilityFactors"] = Items("looked-after"),
        ["models"] = Items("online"),
        ["exploitationTypes"] = Items("sexual"),
        ["scoring"] = new JsonObject
        {
            ["rules"] = new JsonArray(
                Rule("two-high", "High", 2, "High"),
                Rule("one-high", "Medium", 1, "High")),
            ["otherwise"] = new JsonObject { ["id"] = "otherwise-low", ["level"] = "Low", ["description"] = "Nothing higher applies" },
        },
    };

    public static JsonObject Rule(string id, string level, int atLeast, string rating, params string[] among)
    {
        var rule = new JsonObject
        {
            ["id"] = id,
            ["level"] = level,
            ["atLeast"] = atLeast,
            ["rating"] = rating,
            ["description"] = $"Rule {id}",
        };
        if (among.Length > 0)
        {
            rule["among"] = new JsonArray(among.Select(a => (JsonNode?)a).ToArray());
        }

        return rule;
    }

    /// <summary>A mapping where factors, models and types carry over unchanged.</summary>
    public static JsonObject Mapping(string from, string to, JsonArray indicatorMap, params string[] newIndicators) => new()
    {
        ["from"] = from,
        ["to"] = to,
        ["indicators"] = new JsonObject
        {
            ["map"] = indicatorMap,
            ["new"] = new JsonArray(newIndicators.Select(c => (JsonNode?)new JsonObject { ["code"] = c }).ToArray()),
        },
        ["vulnerabilityFactors"] = Same("looked-after"),
        ["models"] = Same("online"),
        ["exploitationTypes"] = Same("sexual"),
    };

    public static JsonObject Entry(string from, params string[] to) => new()
    {
        ["from"] = from,
        ["to"] = new JsonArray(to.Select(t => (JsonNode?)t).ToArray()),
    };

    public static JsonArray Entries(params JsonObject[] entries) => new(entries.ToArray<JsonNode?>());

    public static RiskToolCatalog Load(IEnumerable<JsonObject> definitions, IEnumerable<JsonObject>? mappings = null) =>
        RiskToolCatalog.Load(
            definitions.Select((d, i) => new RiskToolSource($"definition {i + 1}", d.ToJsonString())),
            (mappings ?? []).Select((m, i) => new RiskToolSource($"mapping {i + 1}", m.ToJsonString())));

    public static RiskToolDefinitionException Refused(IEnumerable<JsonObject> definitions, IEnumerable<JsonObject>? mappings = null) =>
        Assert.Throws<RiskToolDefinitionException>(() => Load(definitions, mappings));

    private static JsonObject Indicator(string code) => new()
    {
        ["code"] = code,
        ["name"] = $"Indicator {code}",
        ["descriptors"] = new JsonObject { ["low"] = $"{code} low", ["medium"] = $"{code} medium", ["high"] = $"{code} high" },
    };

    private static JsonArray Items(params string[] codes) =>
        new(codes.Select(c => (JsonNode?)new JsonObject { ["code"] = c, ["name"] = $"Item {c}" }).ToArray());

    private static JsonObject Same(params string[] codes) => new()
    {
        ["map"] = Entries(codes.Select(c => Entry(c, c)).ToArray()),
        ["new"] = new JsonArray(),
    };
}
